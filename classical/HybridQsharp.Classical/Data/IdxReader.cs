using System.Buffers.Binary;

namespace HybridQsharp.Classical.Data;

/// <summary>
/// MNIST's IDX files: big-endian headers, magic 2051 for images (count, rows, columns), 2049 for
/// labels. The header is checked before the body is read: counts and dimensions must be
/// positive, and the size they declare (computed without overflow) must be the file's size.
/// </summary>
public static class IdxReader
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    private const int ImagesHeader = 16;
    private const int LabelsHeader = 8;

    /// <summary>Images as N × 1 × rows × columns bytes.</summary>
    public static (byte[] Pixels, int Count, int Rows, int Columns) ReadImages(string path)
    {
        var header = DatasetFile.ReadHeader(path, ImagesHeader, "IDX images");
        var magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic != ImagesMagic)
        {
            throw new DatasetFormatException($"{path}: bad magic number 0x{magic:X8} (IDX images have 0x{ImagesMagic:X8}).");
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        var rows = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(8));
        var columns = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(12));
        if (count <= 0)
        {
            throw new DatasetFormatException($"{path}: the header declares {count} images; an image file needs at least one.");
        }

        if (rows <= 0 || columns <= 0)
        {
            throw new DatasetFormatException($"{path}: the header declares images of {rows} × {columns} pixels; both dimensions must be positive.");
        }

        // Int128: 2^31 images of 2^31 × 2^31 pixels overflow even a long.
        var expected = ImagesHeader + ((Int128)count * rows * columns);
        var bytes = DatasetFile.ReadAll(path, expected, $"{count:N0} images of {rows} × {columns} pixels");
        return (bytes[ImagesHeader..], count, rows, columns);
    }

    public static byte[] ReadLabels(string path, int classes)
    {
        var header = DatasetFile.ReadHeader(path, LabelsHeader, "IDX labels");
        var magic = BinaryPrimitives.ReadInt32BigEndian(header);
        if (magic != LabelsMagic)
        {
            throw new DatasetFormatException($"{path}: bad magic number 0x{magic:X8} (IDX labels have 0x{LabelsMagic:X8}).");
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        if (count <= 0)
        {
            throw new DatasetFormatException($"{path}: the header declares {count} labels; a label file needs at least one.");
        }

        var bytes = DatasetFile.ReadAll(path, LabelsHeader + (Int128)count, $"{count:N0} labels");
        var labels = bytes[LabelsHeader..];
        var bad = Array.FindIndex(labels, l => l >= classes);
        if (bad >= 0)
        {
            throw new DatasetFormatException($"{path}: label {labels[bad]} at index {bad} is out of range 0..{classes - 1}.");
        }

        return labels;
    }
}
