namespace HybridQsharp.Classical.Data;

/// <summary>
/// One of the paper's datasets: where its files are, how to read them, its normalisation and
/// augmentation, and how it splits into train, validation and test (reference/paper-protocol.md).
/// </summary>
public sealed record PaperDataset(string Name, Normalization Normalization, ImageAugmentation Augmentation)
{
    public static PaperDataset Mnist { get; } = new("mnist", new([0.1307f], [0.3081f]), new ImageAugmentation(Degrees: 5, Translate: 0.1));

    public static PaperDataset Cifar100 { get; } = new("cifar100",
        new([0.5071f, 0.4867f, 0.4408f], [0.2675f, 0.2565f, 0.2761f]), new ImageAugmentation(Flip: true, CropPadding: 4));

    public static PaperDataset Stl10 { get; } = new("stl10",
        new([0.4467f, 0.4398f, 0.4066f], [0.2603f, 0.2566f, 0.2713f]), new ImageAugmentation(Flip: true, CropPadding: 8));

    public static IReadOnlyList<PaperDataset> All { get; } = [Mnist, Cifar100, Stl10];

    public static PaperDataset For(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new DatasetFormatException($"unknown dataset '{name}'; expected one of: {string.Join(", ", All.Select(d => d.Name))}");

    /// <summary>Whether <paramref name="folder"/> (or its archive subfolder) holds the dataset's files.</summary>
    public bool HasOfficialFiles(string folder)
    {
        string[] needed = Name switch
        {
            "mnist" => ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"],
            "cifar100" => ["train.bin", "test.bin"],
            _ => ["train_X.bin", "train_y.bin", "test_X.bin", "test_y.bin"],
        };
        var sub = Path.Combine(folder, Name == "cifar100" ? "cifar-100-binary" : "stl10_binary");
        return needed.All(f => DatasetFile.Find(folder, f) is not null) || needed.All(f => DatasetFile.Find(sub, f) is not null);
    }

    /// <summary>The official train and test sets from <paramref name="folder"/>.</summary>
    public (ImageSet Train, ImageSet Test) LoadOfficial(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DatasetFormatException($"{folder}: data folder not found.");
        return Name switch
        {
            "mnist" => SameShape(Mnist_(folder, "train"), Mnist_(folder, "t10k")),
            "cifar100" => Cifar(folder),
            _ => Stl(folder),
        };
    }

    // A model is built for one image size: train and test must share it.
    private static (ImageSet, ImageSet) SameShape((ImageSet Set, string Path) train, (ImageSet Set, string Path) test)
    {
        var (a, b) = (train.Set, test.Set);
        if (a.Channels != b.Channels || a.Height != b.Height || a.Width != b.Width)
        {
            throw new DatasetFormatException(
                $"{train.Path} holds {a.Channels} × {a.Height} × {a.Width} images but {test.Path} holds {b.Channels} × {b.Height} × {b.Width}; train and test images must have the same size.");
        }

        return (a, b);
    }

    private static (ImageSet Set, string Path) Mnist_(string folder, string prefix)
    {
        var images = DatasetFile.Find(folder, $"{prefix}-images-idx3-ubyte", $"{prefix}-images.idx3-ubyte")
            ?? throw Missing(folder, $"{prefix}-images-idx3-ubyte[.gz]", "MNIST (IDX files)");
        var labelsPath = DatasetFile.Find(folder, $"{prefix}-labels-idx1-ubyte", $"{prefix}-labels.idx1-ubyte")
            ?? throw Missing(folder, $"{prefix}-labels-idx1-ubyte[.gz]", "MNIST (IDX files)");
        var (pixels, count, rows, columns) = IdxReader.ReadImages(images);
        var labels = IdxReader.ReadLabels(labelsPath, 10);
        if (labels.Length != count)
            throw new DatasetFormatException($"{labelsPath}: {labels.Length:N0} labels for the {count:N0} images of {images}.");
        return (new ImageSet(pixels, labels, 1, rows, columns, Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()), images);
    }

    private static (ImageSet, ImageSet) Cifar(string folder)
    {
        var root = Directory.Exists(Path.Combine(folder, "cifar-100-binary")) ? Path.Combine(folder, "cifar-100-binary") : folder;
        var names = Cifar100Reader.ReadNames(root);
        var train = DatasetFile.Find(root, "train.bin") ?? throw Missing(root, "train.bin", "CIFAR-100 (binary version, cifar-100-binary.tar.gz)");
        var test = DatasetFile.Find(root, "test.bin") ?? throw Missing(root, "test.bin", "CIFAR-100 (binary version, cifar-100-binary.tar.gz)");
        return (Cifar100Reader.Read(train, names), Cifar100Reader.Read(test, names));
    }

    private static (ImageSet, ImageSet) Stl(string folder)
    {
        var root = Directory.Exists(Path.Combine(folder, "stl10_binary")) ? Path.Combine(folder, "stl10_binary") : folder;
        var names = Stl10Reader.ReadNames(root);
        string Need(string file) => DatasetFile.Find(root, file) ?? throw Missing(root, file, "STL-10 (binary version, stl10_binary.tar.gz)");
        return (Stl10Reader.Read(Need("train_X.bin"), Need("train_y.bin"), names), Stl10Reader.Read(Need("test_X.bin"), Need("test_y.bin"), names));
    }

    private static DatasetFormatException Missing(string folder, string file, string what) =>
        new($"{Path.Combine(folder, file)}: file not found; put the official {what} files in {folder} (or pass --data-dir).");
}
