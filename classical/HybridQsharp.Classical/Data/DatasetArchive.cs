using System.Security.Cryptography;

namespace HybridQsharp.Classical.Data;

/// <summary>
/// An official dataset archive: where it is published and the checksum it must have. Archives
/// are verified before anything is extracted from them.
/// </summary>
/// <remarks>
/// Sizes and SHA-256 values are those recorded for these exact addresses by TensorFlow Datasets'
/// URL checksums (and repeated by other dataset loaders); the MD5 values are torchvision's and
/// datalad's, kept for reference.
/// </remarks>
public sealed record DatasetArchive(string Dataset, Uri Url, string FileName, long Size, string? Sha256, string? Md5, string ExtractedFolder)
{
    public static DatasetArchive Cifar100 { get; } = new("cifar100", new Uri("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz"),
        "cifar-100-binary.tar.gz", 168_513_733, "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec", "03b5dce01913d631647c71ecec9e9cb8", "cifar-100-binary");

    public static DatasetArchive Stl10 { get; } = new("stl10", new Uri("http://ai.stanford.edu/~acoates/stl10/stl10_binary.tar.gz"),
        "stl10_binary.tar.gz", 2_640_397_119, "f31fd99273a1acb8609c8db427cebb1de3f71de77758cdc0e22956e1289b9866", "91f7769df0f17e558f3565bffb0c7dfb", "stl10_binary");

    public static DatasetArchive? For(string dataset) => dataset switch
    {
        "cifar100" => Cifar100,
        "stl10" => Stl10,
        _ => null,
    };

    /// <exception cref="DatasetFormatException">The file's size or checksum differs from the published one.</exception>
    public void Verify(string path)
    {
        var length = new FileInfo(path).Length;
        if (length != Size)
            throw new DatasetFormatException($"{path}: {length:N0} bytes, but the published {FileName} has {Size:N0} (incomplete or a different file).");
        using var stream = File.OpenRead(path);
        if (Sha256 is not null)
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (actual != Sha256)
                throw new DatasetFormatException($"{path}: SHA-256 {actual} differs from the published {Sha256}.");
            return;
        }

        if (Md5 is not null)
        {
            var actual = Convert.ToHexStringLower(MD5.HashData(stream));
            if (actual != Md5)
                throw new DatasetFormatException($"{path}: MD5 {actual} differs from the published {Md5}.");
        }
    }
}
