using System.Security.Cryptography;

namespace HybridQsharp.Classical.Data;

/// <summary>
/// An official dataset archive: where it is published and the checksum it must have. Archives
/// are verified before anything is extracted from them.
/// </summary>
public sealed record DatasetArchive(Uri Url, string FileName, long Size, string? Sha256, string? Md5, string ExtractedFolder)
{
    /// <exception cref="DatasetFormatException">The file's size or checksum differs from the published one.</exception>
    public void Verify(string path)
    {
        var length = new FileInfo(path).Length;
        if (length != Size)
        {
            throw new DatasetFormatException(
                $"{path}: {length:N0} bytes, but the published {FileName} has {Size:N0} (incomplete or a different file).");
        }

        using var stream = File.OpenRead(path);
        if (Sha256 is not null)
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (actual != Sha256)
            {
                throw new DatasetFormatException($"{path}: SHA-256 {actual} differs from the published {Sha256}.");
            }

            return;
        }

        if (Md5 is not null)
        {
            var actual = Convert.ToHexStringLower(MD5.HashData(stream));
            if (actual != Md5)
            {
                throw new DatasetFormatException($"{path}: MD5 {actual} differs from the published {Md5}.");
            }
        }
    }
}
