using System.IO.Compression;

namespace HybridQsharp.Classical.Data;

/// <summary>Reads a dataset file whole, transparently un-gzipping it (detected by its magic bytes, not its name).</summary>
public static class DatasetFile
{
    public static byte[] ReadAll(string path)
    {
        RequireFile(path);
        var bytes = File.ReadAllBytes(path);
        if (!IsGzip(bytes))
        {
            return bytes;
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFormatException($"{path}: corrupt gzip data ({e.Message}).");
        }
    }

    /// <summary>
    /// The whole (un-gzipped) content, which must be exactly <paramref name="expected"/> bytes as
    /// a header declared (<paramref name="declared"/> says what it declared). A plain file's size
    /// is compared before anything is allocated; a gzip file's after it is inflated, which
    /// allocates no more than its real content.
    /// </summary>
    public static byte[] ReadAll(string path, Int128 expected, string declared)
    {
        RequireFile(path);
        if (expected > Array.MaxLength)
        {
            throw new DatasetFormatException($"{path}: the header declares {declared}, {expected:N0} bytes, " +
                $"more than one file of a dataset can be ({Array.MaxLength:N0} bytes); the header is corrupt.");
        }

        var length = new FileInfo(path).Length;
        if (!StartsWithGzipMagic(path) && length != expected)
        {
            throw WrongLength(path, length, expected, declared);
        }

        var bytes = ReadAll(path);
        if (bytes.Length != expected)
        {
            throw WrongLength(path, bytes.Length, expected, declared);
        }

        return bytes;
    }

    /// <summary>The first <paramref name="length"/> bytes of the (un-gzipped) content.</summary>
    public static byte[] ReadHeader(string path, int length, string format)
    {
        RequireFile(path);
        try
        {
            using var file = File.OpenRead(path);
            using var content = StartsWithGzipMagic(path) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            var header = new byte[length];
            var read = content.ReadAtLeast(header, length, throwOnEndOfStream: false);
            return read == length
                ? header
                : throw new DatasetFormatException($"{path}: truncated {format} header ({read} bytes, {length} needed).");
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFormatException($"{path}: corrupt gzip data ({e.Message}).");
        }
    }

    /// <summary>The first of <paramref name="names"/> (each also tried with .gz) that exists in <paramref name="folder"/>.</summary>
    public static string? Find(string folder, params string[] names) =>
        names.SelectMany(n => new[] { n, n + ".gz" }).Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: file not found.");
        }
    }

    private static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static bool StartsWithGzipMagic(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        return file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && IsGzip(magic);
    }

    private static DatasetFormatException WrongLength(string path, long actual, Int128 expected, string declared) =>
        new($"{path}: wrong length {actual:N0} bytes; the header declares {declared}, which need {expected:N0} (truncated or corrupt).");
}
