namespace HybridQsharp.Classical.Data;

/// <summary>
/// STL-10 binary version: X files hold N × 3 × 96 × 96 bytes with each channel stored
/// column-major (so each channel is transposed on load), y files hold labels 1..10.
/// </summary>
public static class Stl10Reader
{
    public const int Side = 96;
    public const int Classes = 10;
    private const int ImageBytes = 3 * Side * Side;

    public static ImageSet Read(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null)
    {
        var raw = DatasetFile.ReadAll(imagesPath);
        if (raw.Length == 0 || raw.Length % ImageBytes != 0)
        {
            throw new DatasetFormatException($"{imagesPath}: wrong length {raw.Length:N0} bytes; STL-10 images are {ImageBytes:N0} bytes each " +
                $"(truncated or not the binary version).");
        }

        var labelBytes = DatasetFile.ReadAll(labelsPath);
        var count = raw.Length / ImageBytes;
        if (labelBytes.Length != count)
        {
            throw new DatasetFormatException($"{labelsPath}: {labelBytes.Length:N0} labels for the {count:N0} images of {imagesPath}.");
        }

        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            if (labelBytes[i] is < 1 or > Classes)
            {
                throw new DatasetFormatException($"{labelsPath}: label {labelBytes[i]} at index {i} is out of range 1..10.");
            }

            labels[i] = (byte)(labelBytes[i] - 1);
        }

        var pixels = new byte[raw.Length];
        Parallel.For(0, count, i =>
        {
            for (var c = 0; c < 3; c++)
            {
                var offset = (i * ImageBytes) + (c * Side * Side);
                for (var x = 0; x < Side; x++)
                {
                    for (var y = 0; y < Side; y++)
                    {
                        pixels[offset + (y * Side) + x] = raw[offset + (x * Side) + y];
                    }
                }
            }
        });
        return new ImageSet(pixels, labels, 3, Side, Side,
            classNames ?? ["airplane", "bird", "car", "cat", "deer", "dog", "horse", "monkey", "ship", "truck"]);
    }

    /// <summary>class_names.txt: one name per line.</summary>
    public static IReadOnlyList<string>? ReadNames(string folder)
    {
        var path = Path.Combine(folder, "class_names.txt");
        if (!File.Exists(path))
        {
            return null;
        }

        var names = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToArray();
        return names.Length == Classes ? names : throw new DatasetFormatException($"{path}: {names.Length} names, expected {Classes}.");
    }
}
