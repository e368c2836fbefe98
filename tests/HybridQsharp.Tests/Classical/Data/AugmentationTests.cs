using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Torch;

namespace HybridQsharp.Tests.Classical.Data;

public sealed class AugmentationTests
{
    private static readonly MnistDataset Mnist = new();

    private static readonly Normalization Identity = new([0f], [1f / 255f]);

    static AugmentationTests() => TorchNativeLibrary.EnsureLoaded();

    [Fact]
    public void NoAugmentationOnlyNormalises()
    {
        var image = Pattern(1, 5, 6);
        var output = Apply(ImageAugmentation.None, image, 1, 5, 6, new Normalization([0.5f], [0.25f]), seed: 1);
        for (var i = 0; i < image.Length; i++)
        {
            Assert.Equal(((image[i] / 255.0) - 0.5) / 0.25, output[i], 1e-5);
        }
    }

    [Fact]
    public void FlipIsAnExactMirror()
    {
        var image = Pattern(1, 4, 5);
        var flipped =
            Enumerable.Range(0, 32).Select(s => Apply(new ImageAugmentation(Flip: true), image, 1, 4, 5, Identity, s)).First(o => o[0] != image[0]);
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                Assert.Equal(image[(y * 5) + 4 - x], flipped[(y * 5) + x]);
            }
        }
    }

    [Fact]
    public void PaddedCropShiftsContentAndFillsWithZeros()
    {
        var image = Enumerable.Repeat((byte)9, 36).ToArray();
        var crop = new ImageAugmentation(CropPadding: 2);
        var outputs = Enumerable.Range(0, 64).Select(s => Apply(crop, image, 1, 6, 6, Identity, s)).ToList();
        Assert.Contains(outputs, o => o.Contains(0f));
        Assert.All(outputs, o => Assert.All(o, v => Assert.True(v is 0f or 9f)));
        Assert.All(outputs, o => Assert.True(o.Count(v => v == 9f) >= 16, "a crop within 2 pixels keeps at least a 4 × 4 block"));
    }

    [Fact]
    public void AffineWithNoAngleOrTranslationIsIdentity()
    {
        var image = Pattern(1, 7, 7);
        Assert.Equal(image.Select(b => (float)b), Apply(new ImageAugmentation(Degrees: 0, Translate: 0), image, 1, 7, 7, Identity, 3));
    }

    [Fact]
    public void AffineRotatesWithinFiveDegreesAndTranslatesByWholePixels()
    {
        // A single bright pixel near the centre moves by at most the translation plus a small rotation.
        var image = new byte[28 * 28];
        image[(14 * 28) + 14] = 255;
        var affine = new ImageAugmentation(Degrees: 5, Translate: 0.1);
        for (var seed = 0; seed < 50; seed++)
        {
            var output = Apply(affine, image, 1, 28, 28, Identity, seed);
            var lit = Enumerable.Range(0, output.Length).Where(i => output[i] > 0).ToList();
            Assert.InRange(lit.Count, 1, 2);
            var (y, x) = (lit[0] / 28, lit[0] % 28);
            Assert.InRange(Math.Abs(x - 14), 0, 4);
            Assert.InRange(Math.Abs(y - 14), 0, 4);
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameBatch()
    {
        var set = new ImageSet(Enumerable.Range(0, 20 * 49).Select(i => (byte)(i * 7)).ToArray(),
            Enumerable.Range(0, 20).Select(i => (byte)(i % 3)).ToArray(), 1, 7, 7, ["a", "b", "c"]);
        var a = new ImageBatchStream(set, Mnist.Normalization, Mnist.Augmentation, shuffle: true, seed: 5);
        var b = new ImageBatchStream(set, Mnist.Normalization, Mnist.Augmentation, shuffle: true, seed: 5);
        var (imagesA, labelsA) = a.Batches(3, 8).First();
        var (imagesB, labelsB) = b.Batches(3, 8).First();
        var (imagesC, _) = b.Batches(4, 8).First();
        Assert.Equal(imagesA.data<float>().ToArray(), imagesB.data<float>().ToArray());
        Assert.Equal(labelsA.data<long>().ToArray(), labelsB.data<long>().ToArray());
        Assert.NotEqual(imagesA.data<float>().ToArray(), imagesC.data<float>().ToArray());
    }

    [Theory]
    [InlineData(42, 0, 1966338424)]
    [InlineData(42, 1, 885758336)]
    [InlineData(7, 3, 2123962916)]
    public void TheShuffleSeedIsAFunctionOfSeedAndEpochAlone(int seed, int epoch, int expected)
    {
        // Expected values from an independent SplitMix64 (Python): the top 31 bits of one step from (seed << 32 | epoch).
        // The shuffle seed was HashCode.Combine(seed, epoch, ...), which .NET randomises per process.
        Assert.Equal(expected, ImageBatchStream.ShuffleSeed(seed, epoch));
    }

    private static byte[] Pattern(int channels, int height, int width) =>
        Enumerable.Range(0, channels * height * width).Select(i => (byte)((i * 37) % 251)).ToArray();

    private static float[] Apply(ImageAugmentation augmentation, byte[] image, int channels, int height, int width, Normalization normalization,
        int seed)
    {
        var output = new float[image.Length];
        var random = SplitMix64.For(seed, 0, 0);
        augmentation.Apply(image, output, channels, height, width, normalization, ref random);
        return output;
    }
}
