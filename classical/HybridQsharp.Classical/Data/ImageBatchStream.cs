using HybridQsharp.Classical.Training;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Data;

/// <summary>
/// Serves an in-memory <see cref="ImageSet"/> as normalised float batches: shuffled per epoch
/// (order from seed and epoch only), augmented per image in parallel straight into the batch
/// buffer, then copied into one tensor per batch.
/// </summary>
public sealed class ImageBatchStream(ImageSet images, Normalization normalization, ImageAugmentation augmentation, bool shuffle, int seed) : IBatchStream
{
    public ImageSet Images => images;

    public int Count => images.Count;

    public int ClassCount => images.ClassCount;

    public IEnumerable<(Tensor Images, Tensor Labels)> Batches(int epoch, int batchSize, CancellationToken cancellationToken = default)
    {
        var order = Enumerable.Range(0, images.Count).ToArray();
        if (shuffle)
        {
            // Not HashCode.Combine: its seed changes with every process, and so did the order (and a resumed run's).
            new Random((int)(SplitMix64.For(seed, epoch, 0x5eed).Next() >> 33)).Shuffle(order);
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
}
