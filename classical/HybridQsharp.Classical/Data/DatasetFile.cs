using System.IO.Compression;

namespace HybridQsharp.Classical.Data;

/// <summary>Reads a dataset file whole, transparently un-gzipping it (detected by its magic bytes, not its name).</summary>
public static class DatasetFile
{
    public static byte[] ReadAll(string path)
    {
        if (!File.Exists(path))
            throw new DatasetFormatException($"{path}: file not found.");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
            return bytes;
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

    /// <summary>The first of <paramref name="names"/> (each also tried with .gz) that exists in <paramref name="folder"/>.</summary>
    public static string? Find(string folder, params string[] names) =>
        names.SelectMany(n => new[] { n, n + ".gz" }).Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
}
