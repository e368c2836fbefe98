using System.Buffers.Binary;

namespace HybridQsharp.Classical.Data;

/// <summary>MNIST's IDX files: big-endian headers, magic 2051 for images (count, rows, columns), 2049 for labels.</summary>
public static class IdxReader
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    /// <summary>Images as N × 1 × rows × columns bytes.</summary>
    public static (byte[] Pixels, int Count, int Rows, int Columns) ReadImages(string path)
    {
        var bytes = DatasetFile.ReadAll(path);
        if (bytes.Length < 16)
            throw new DatasetFormatException($"{path}: truncated IDX header ({bytes.Length} bytes).");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != ImagesMagic)
            throw new DatasetFormatException($"{path}: bad magic number 0x{magic:X8} (IDX images have 0x{ImagesMagic:X8}).");
        var count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        var rows = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8));
        var columns = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12));
        if (count < 0 || rows <= 0 || columns <= 0)
            throw new DatasetFormatException($"{path}: impossible dimensions {count} × {rows} × {columns}.");
        var expected = 16L + ((long)count * rows * columns);
        if (bytes.Length != expected)
            throw new DatasetFormatException($"{path}: wrong length {bytes.Length:N0} bytes; {count:N0} images of {rows} × {columns} need {expected:N0} (truncated or corrupt).");
        return (bytes[16..], count, rows, columns);
    }

    public static byte[] ReadLabels(string path, int classes)
    {
        var bytes = DatasetFile.ReadAll(path);
        if (bytes.Length < 8)
            throw new DatasetFormatException($"{path}: truncated IDX header ({bytes.Length} bytes).");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (magic != LabelsMagic)
            throw new DatasetFormatException($"{path}: bad magic number 0x{magic:X8} (IDX labels have 0x{LabelsMagic:X8}).");
        var count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        if (count < 0 || bytes.Length != 8L + count)
            throw new DatasetFormatException($"{path}: wrong length {bytes.Length:N0} bytes for {count:N0} labels (truncated or corrupt).");
        var labels = bytes[8..];
        var bad = Array.FindIndex(labels, l => l >= classes);
        if (bad >= 0)
            throw new DatasetFormatException($"{path}: label {labels[bad]} at index {bad} is out of range 0..{classes - 1}.");
        return labels;
    }
}
