using HybridQsharp.Classical.Models;

namespace HybridQsharp.Classical.Data.Datasets;

/// <summary>STL-10, binary version (train_X/y.bin, test_X/y.bin, 96 × 96 colour), from stl10_binary.tar.gz.</summary>
public sealed class Stl10Dataset : DatasetDefinition
{
    private const string Subfolder = "stl10_binary";
    private static readonly string[] Files = ["train_X.bin", "train_y.bin", "test_X.bin", "test_y.bin"];

    public override string Key => "stl10";

    public override string DisplayName => "STL-10";

    public override Normalization Normalization { get; } = new([0.4467f, 0.4398f, 0.4066f], [0.2603f, 0.2566f, 0.2713f]);

    public override ImageAugmentation Augmentation { get; } = new(Flip: true, CropPadding: 8);

    public override PaperArchitecture Architecture { get; } =
        new("stl10", 3, 96, 10, [32, 64, 128, 256], 3, 1024, [64, 128, 256, 512], 3, 1, 256, 0.4);

    public override SplitPolicy SplitPolicy => SplitPolicy.TestAsValidation;

    /// <remarks>Size and SHA-256 as TensorFlow Datasets records them for this address; the MD5 is torchvision's.</remarks>
    public override DatasetArchive Archive { get; } = new(new Uri("http://ai.stanford.edu/~acoates/stl10/stl10_binary.tar.gz"),
        "stl10_binary.tar.gz", 2_640_397_119, "f31fd99273a1acb8609c8db427cebb1de3f71de77758cdc0e22956e1289b9866", "91f7769df0f17e558f3565bffb0c7dfb",
        Subfolder);

    public override string FilesDescription => "STL-10 (binary version, stl10_binary.tar.gz)";

    public override bool HasOfficialFiles(string folder) =>
        new[] { folder, Path.Combine(folder, Subfolder) }.Any(f => Files.All(name => DatasetFile.Find(f, name) is not null));

    public override (ImageSet Train, ImageSet Test) LoadOfficial(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DatasetFormatException($"{folder}: data folder not found.");
        }

        var root = Directory.Exists(Path.Combine(folder, Subfolder)) ? Path.Combine(folder, Subfolder) : folder;
        var names = Stl10Reader.ReadNames(root);
        return (Stl10Reader.Read(Require(root, "train_X.bin"), Require(root, "train_y.bin"), names),
                Stl10Reader.Read(Require(root, "test_X.bin"), Require(root, "test_y.bin"), names));
    }
}
