namespace HybridQsharp.Classical.Data;

/// <summary>
/// CIFAR-100 binary version: records of 1 coarse-label byte, 1 fine-label byte and 3,072 pixel
/// bytes (1,024 red, then green, then blue, each 32 × 32 row-major). We use the 100 fine labels.
/// </summary>
public static class Cifar100Reader
{
    public const int RecordSize = 2 + (3 * 32 * 32);
    public const int Classes = 100;

    public static ImageSet Read(string path, IReadOnlyList<string>? classNames = null)
    {
        var bytes = DatasetFile.ReadAll(path);
        if (bytes.Length == 0 || bytes.Length % RecordSize != 0)
        {
            throw new DatasetFormatException($"{path}: wrong length {bytes.Length:N0} bytes; CIFAR-100 records are {RecordSize:N0} bytes each " +
                $"(truncated or not the binary version).");
        }

        var count = bytes.Length / RecordSize;
        var pixels = new byte[count * 3 * 32 * 32];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var record = bytes.AsSpan(i * RecordSize, RecordSize);
            if (record[0] >= 20)
            {
                throw new DatasetFormatException($"{path}: coarse label {record[0]} of record {i} is out of range 0..19.");
            }

            if (record[1] >= Classes)
            {
                throw new DatasetFormatException($"{path}: fine label {record[1]} of record {i} is out of range 0..99.");
            }

            labels[i] = record[1];
            record[2..].CopyTo(pixels.AsSpan(i * 3 * 32 * 32));
        }

        return new ImageSet(pixels, labels, 3, 32, 32, classNames ?? Enumerable.Range(0, Classes).Select(c => $"class {c}").ToArray());
    }

    /// <summary>fine_label_names.txt: one name per line.</summary>
    public static IReadOnlyList<string>? ReadNames(string folder)
    {
        var path = Path.Combine(folder, "fine_label_names.txt");
        if (!File.Exists(path))
        {
            return null;
        }

        var names = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToArray();
        return names.Length == Classes ? names : throw new DatasetFormatException($"{path}: {names.Length} names, expected {Classes}.");
    }
}
