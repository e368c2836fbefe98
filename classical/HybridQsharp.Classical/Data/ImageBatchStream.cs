using static TorchSharp.torch;

namespace HybridQsharp.Classical.Data;

/// <summary>
/// Serves an in-memory <see cref="ImageSet"/> as normalised float batches: shuffled per epoch
/// (order from seed and epoch only), augmented per image in parallel straight into the batch
/// buffer, then copied into one tensor per batch.
/// </summary>
public sealed class ImageBatchStream(
    ImageSet images, Normalization normalization, ImageAugmentation augmentation, bool shuffle, int seed) : IBatchStream
{
    public ImageSet Images => images;

    public int Count => images.Count;

    public int ClassCount => images.ClassCount;

    public IEnumerable<(Tensor Images, Tensor Labels)> Batches(int epoch, int batchSize, CancellationToken cancellationToken = default)
    {
        var order = Enumerable.Range(0, images.Count).ToArray();
        if (shuffle)
        {
            new Random(ShuffleSeed(seed, epoch)).Shuffle(order);
        }

        var (c, h, w) = (images.Channels, images.Height, images.Width);
        var size = images.ImageSize;
        for (var start = 0; start < order.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, order.Length - start);
            var buffer = new float[count * size];
            var labels = new long[count];
            Parallel.For(0, count, i =>
            {
                var index = order[start + i];
                var random = SplitMix64.For(seed, epoch, index);
                augmentation.Apply(images.Image(index), buffer.AsSpan(i * size, size), c, h, w, normalization, ref random);
                labels[i] = images.Labels[index];
            });
            yield return (tensor(buffer, [count, c, h, w]), tensor(labels));
        }
    }

    /// <summary>The seed of epoch <paramref name="epoch"/>'s shuffle: a function of (seed, epoch) alone.</summary>
    /// <remarks>
    /// Not HashCode.Combine: .NET seeds it randomly per process, which made every run shuffle
    /// differently whatever --seed said.
    /// </remarks>
    public static int ShuffleSeed(int seed, int epoch)
    {
        var mixer = new SplitMix64(((ulong)(uint)seed << 32) | (uint)epoch);
        return (int)(mixer.Next() >> 33);
    }
}
