using System.Buffers.Binary;
using System.IO.Compression;
using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Data.Datasets;

namespace HybridQsharp.Tests.Classical.Data;

/// <summary>Each reader on small files written here in the official binary layouts, and on corrupt variants.</summary>
public sealed class DatasetReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IdxImagesAndLabelsRoundTrip(bool gzip)
    {
        var pixels = Enumerable.Range(0, 3 * 4 * 5).Select(i => (byte)i).ToArray();
        var images = Write("images", Idx(IdxReader.ImagesMagic, [3, 4, 5], pixels), gzip);
        var labels = Write("labels", Idx(IdxReader.LabelsMagic, [3], [7, 0, 9]), gzip);

        var (read, count, rows, columns) = IdxReader.ReadImages(images);

        Assert.Equal((3, 4, 5), (count, rows, columns));
        Assert.Equal(pixels, read);
        Assert.Equal(new byte[] { 7, 0, 9 }, IdxReader.ReadLabels(labels, 10));
    }

    [Fact]
    public void IdxCorruptionsAreNamed()
    {
        var badMagic = Write("bad-magic", Idx(0x0803 + 1, [1, 2, 2], new byte[4]), false);
        var truncated = Write("truncated", Idx(IdxReader.ImagesMagic, [2, 2, 2], new byte[5]), false);
        var outOfRange = Write("out-of-range", Idx(IdxReader.LabelsMagic, [2], [3, 10]), false);
        var garbageGzip = Write("garbage.gz", [0x1f, 0x8b, 1, 2, 3], false);

        Assert.Contains("bad magic number", Assert.Throws<DatasetFormatException>(() => IdxReader.ReadImages(badMagic)).Message);
        Assert.Contains(truncated, Assert.Throws<DatasetFormatException>(() => IdxReader.ReadImages(truncated)).Message);
        Assert.Contains("wrong length", Assert.Throws<DatasetFormatException>(() => IdxReader.ReadImages(truncated)).Message);
        var label = Assert.Throws<DatasetFormatException>(() => IdxReader.ReadLabels(outOfRange, 10)).Message;
        Assert.Contains("label 10 at index 1 is out of range", label);
        Assert.Contains("corrupt gzip", Assert.Throws<DatasetFormatException>(() => IdxReader.ReadImages(garbageGzip)).Message);
    }

    [Fact]
    public void MnistFolderWithMismatchedCountsIsRefused()
    {
        File.WriteAllBytes(Path.Combine(_folder, "train-images-idx3-ubyte"), Idx(IdxReader.ImagesMagic, [2, 28, 28], new byte[2 * 784]));
        File.WriteAllBytes(Path.Combine(_folder, "train-labels-idx1-ubyte"), Idx(IdxReader.LabelsMagic, [3], [1, 2, 3]));
        File.WriteAllBytes(Path.Combine(_folder, "t10k-images-idx3-ubyte"), Idx(IdxReader.ImagesMagic, [1, 28, 28], new byte[784]));
        File.WriteAllBytes(Path.Combine(_folder, "t10k-labels-idx1-ubyte"), Idx(IdxReader.LabelsMagic, [1], [4]));

        var thrown = Assert.Throws<DatasetFormatException>(() => new MnistDataset().LoadOfficial(_folder));
        Assert.Contains("3 labels for the 2 images", thrown.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnIdxFileDeclaringNoImagesOrLabelsIsRefused(bool gzip)
    {
        var images = Write("no-images", Idx(IdxReader.ImagesMagic, [0, 28, 28], []), gzip);
        var labels = Write("no-labels", Idx(IdxReader.LabelsMagic, [0], []), gzip);

        var imageError = Assert.Throws<DatasetFormatException>(() => IdxReader.ReadImages(images)).Message;
        var labelError = Assert.Throws<DatasetFormatException>(() => IdxReader.ReadLabels(labels, 10)).Message;

        Assert.Contains(images, imageError);
        Assert.Contains("declares 0 images", imageError);
        Assert.Contains("declares 0 labels", labelError);
    }

    [Theory]
    [InlineData(0, 28)]
    [InlineData(28, -1)]
    public void AnIdxFileDeclaringANonPositiveDimensionIsRefused(int rows, int columns)
    {
        var images = Write("flat", Idx(IdxReader.ImagesMagic, [1, rows, columns], new byte[16]), false);

        var thrown = Assert.Throws<DatasetFormatException>(() => IdxReader.ReadImages(images)).Message;

        Assert.Contains($"{rows} × {columns}", thrown);
        Assert.Contains("must be positive", thrown);
    }

    [Theory]
    [InlineData(int.MaxValue, 28, 28)]
    [InlineData(int.MaxValue, int.MaxValue, int.MaxValue)]
    public void AHugeDeclaredCountIsRefusedWithItsTrueSizeBeforeReading(int count, int rows, int columns)
    {
        var images = Write("huge", Idx(IdxReader.ImagesMagic, [count, rows, columns], new byte[784]), false);
        var needed = 16 + ((System.Numerics.BigInteger)count * rows * columns);

        var thrown = Assert.Throws<DatasetFormatException>(() => IdxReader.ReadImages(images)).Message;

        Assert.Contains(images, thrown);
        Assert.Contains(needed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), thrown);
        Assert.DoesNotContain("-", thrown.Replace(images, string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void MnistTrainAndTestImagesOfDifferentSizesAreRefusedNamingBothFiles()
    {
        File.WriteAllBytes(Path.Combine(_folder, "train-images-idx3-ubyte"), Idx(IdxReader.ImagesMagic, [2, 56, 14], new byte[2 * 784]));
        File.WriteAllBytes(Path.Combine(_folder, "train-labels-idx1-ubyte"), Idx(IdxReader.LabelsMagic, [2], [1, 2]));
        File.WriteAllBytes(Path.Combine(_folder, "t10k-images-idx3-ubyte"), Idx(IdxReader.ImagesMagic, [1, 28, 28], new byte[784]));
        File.WriteAllBytes(Path.Combine(_folder, "t10k-labels-idx1-ubyte"), Idx(IdxReader.LabelsMagic, [1], [4]));

        var thrown = Assert.Throws<DatasetFormatException>(() => new MnistDataset().LoadOfficial(_folder)).Message;

        Assert.Contains(Path.Combine(_folder, "train-images-idx3-ubyte"), thrown);
        Assert.Contains(Path.Combine(_folder, "t10k-images-idx3-ubyte"), thrown);
        Assert.Contains("1 × 56 × 14", thrown);
        Assert.Contains("1 × 28 × 28", thrown);
    }

    [Fact]
    public void ASplitLeftEmptyIsRefused()
    {
        var one = new ImageSet(new byte[4], [3], 1, 2, 2, Enumerable.Range(0, 10).Select(i => $"{i}").ToArray());

        var thrown = Assert.Throws<DatasetFormatException>(() => DatasetSplits.Create(SplitPolicy.ValidationFromTrain, one, one, seed: 1)).Message;

        Assert.Contains("validation split is empty", thrown);
    }

    [Fact]
    public void CifarRecordsKeepTheFineLabelAndPlaneOrder()
    {
        var record = new byte[Cifar100Reader.RecordSize];
        record[0] = 4; // coarse
        record[1] = 42; // fine
        record[2 + 0] = 11; // red plane, pixel (0, 0)
        record[2 + 1024 + 33] = 22; // green plane, row 1 column 1
        record[2 + 2048 + 1023] = 33; // blue plane, last pixel
        var path = Write("train.bin", [.. record, .. record], false);

        var set = Cifar100Reader.Read(path);

        Assert.Equal(2, set.Count);
        Assert.Equal(42, set.Labels[1]);
        var image = set.Image(0).ToArray();
        Assert.Equal(11, image[0]);
        Assert.Equal(22, image[1024 + (1 * 32) + 1]);
        Assert.Equal(33, image[(3 * 1024) - 1]);
    }

    [Fact]
    public void CifarCorruptionsAreNamed()
    {
        var record = new byte[Cifar100Reader.RecordSize];
        record[1] = 100;
        var badLabel = Write("bad-label.bin", record, false);
        var truncated = Write("truncated.bin", record[..100], false);
        Assert.Contains("fine label 100", Assert.Throws<DatasetFormatException>(() => Cifar100Reader.Read(badLabel)).Message);
        Assert.Contains(truncated, Assert.Throws<DatasetFormatException>(() => Cifar100Reader.Read(truncated)).Message);
    }

    [Fact]
    public void Stl10ColumnMajorImagesComeOutUpright()
    {
        // An asymmetric mark: a bright pixel at row 2, column 7 of channel 0 and at row 90, column 1 of channel 2.
        var upright = new byte[3 * 96 * 96];
        upright[(2 * 96) + 7] = 200;
        upright[(2 * 96 * 96) + (90 * 96) + 1] = 100;
        var stored = new byte[upright.Length];
        for (var c = 0; c < 3; c++)
        {
            for (var row = 0; row < 96; row++)
            {
                for (var column = 0; column < 96; column++)
                {
                    stored[(c * 96 * 96) + (column * 96) + row] = upright[(c * 96 * 96) + (row * 96) + column];
                }
            }
        }

        var images = Write("train_X.bin", stored, false);
        var labels = Write("train_y.bin", [10], false);

        var set = Stl10Reader.Read(images, labels);

        Assert.Equal(upright, set.Image(0).ToArray());
        Assert.Equal(9, set.Labels[0]);
    }

    [Fact]
    public void Stl10LabelsOutsideOneToTenAreRefused()
    {
        var images = Write("x.bin", new byte[3 * 96 * 96], false);
        var zero = Write("y.bin", [0], false);
        var missing = Write("y2.bin", [], false);
        Assert.Contains("out of range 1..10", Assert.Throws<DatasetFormatException>(() => Stl10Reader.Read(images, zero)).Message);
        Assert.Contains("0 labels for the 1 images", Assert.Throws<DatasetFormatException>(() => Stl10Reader.Read(images, missing)).Message);
    }

    [Fact]
    public void PaperSplitsHaveThePapersProportions()
    {
        var train = new ImageSet(new byte[100 * 4], Enumerable.Range(0, 100).Select(i => (byte)(i % 10)).ToArray(), 1, 2, 2,
            Enumerable.Range(0, 10).Select(i => $"{i}").ToArray());
        var test = new ImageSet(new byte[30 * 4], new byte[30], 1, 2, 2, train.ClassNames);

        var mnist = DatasetSplits.Create(SplitPolicy.ValidationFromTrain, train, test, seed: 1);
        var stl = DatasetSplits.Create(SplitPolicy.TestAsValidation, train, test, seed: 1);
        var limited = DatasetSplits.Create(SplitPolicy.ValidationFromTrain, train, test, seed: 1, trainLimit: 10, validationLimit: 5, testLimit: 7);

        Assert.Equal((80, 20, 30), (mnist.Train.Count, mnist.Validation.Count, mnist.Test.Count));
        Assert.Equal((80, 30, 30), (stl.Train.Count, stl.Validation.Count, stl.Test.Count));
        Assert.Same(stl.Validation, stl.Test);
        Assert.Equal((10, 5, 7), (limited.Train.Count, limited.Validation.Count, limited.Test.Count));
        Assert.Equal(mnist.Train.Labels[..10], limited.Train.Labels);
    }

    private string Write(string name, byte[] bytes, bool gzip)
    {
        var path = Path.Combine(_folder, name + (gzip ? ".gz" : string.Empty));
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return path;
        }

        using var file = File.Create(path);
        using var stream = new GZipStream(file, CompressionLevel.Fastest);
        stream.Write(bytes);
        return path;
    }

    private static byte[] Idx(int magic, int[] dimensions, byte[] data)
    {
        var header = new byte[4 + (4 * dimensions.Length)];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        return [.. header, .. data];
    }
}
