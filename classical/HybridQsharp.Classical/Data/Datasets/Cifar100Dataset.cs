using HybridQsharp.Classical.Models;

namespace HybridQsharp.Classical.Data.Datasets;

/// <summary>CIFAR-100, binary version (train.bin, test.bin, fine labels), from cifar-100-binary.tar.gz.</summary>
public sealed class Cifar100Dataset : DatasetDefinition
{
    private const string Subfolder = "cifar-100-binary";

    public override string Key => "cifar100";

    public override string DisplayName => "CIFAR-100";

    public override Normalization Normalization { get; } = new([0.5071f, 0.4867f, 0.4408f], [0.2675f, 0.2565f, 0.2761f]);

    public override ImageAugmentation Augmentation { get; } = new(Flip: true, CropPadding: 4);

    public override PaperArchitecture Architecture { get; } = new("cifar100", 3, 32, 100, [32, 64, 128], 2, 512, [64, 128, 256, 512], 3, 1, 256, 0.3);

    public override SplitPolicy SplitPolicy => SplitPolicy.ValidationFromTrain;

    /// <remarks>Size and SHA-256 as TensorFlow Datasets records them for this address; the MD5 is torchvision's.</remarks>
    public override DatasetArchive Archive { get; } = new(new Uri("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz"),
        "cifar-100-binary.tar.gz", 168_513_733, "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec",
        "03b5dce01913d631647c71ecec9e9cb8", Subfolder);

    public override string FilesDescription => "CIFAR-100 (binary version, cifar-100-binary.tar.gz)";

    public override bool HasOfficialFiles(string folder) =>
        new[] { folder, Path.Combine(folder, Subfolder) }.Any(
            f => DatasetFile.Find(f, "train.bin") is not null && DatasetFile.Find(f, "test.bin") is not null);

    public override (ImageSet Train, ImageSet Test) LoadOfficial(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DatasetFormatException($"{folder}: data folder not found.");
        }

        var root = Directory.Exists(Path.Combine(folder, Subfolder)) ? Path.Combine(folder, Subfolder) : folder;
        var names = Cifar100Reader.ReadNames(root);
        return (Cifar100Reader.Read(Require(root, "train.bin"), names), Cifar100Reader.Read(Require(root, "test.bin"), names));
    }
}
