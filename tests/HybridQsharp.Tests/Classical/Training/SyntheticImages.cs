using HybridQsharp.Classical.Data;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical.Training;

/// <summary>
/// A small in-memory image set made by the test: class c images are noise around a class-specific
/// pattern, so a CNN learns them in a few steps. Order depends only on (seed, epoch).
/// </summary>
public sealed class SyntheticImages : IBatchStream
{
    private readonly float[] images;
    private readonly long[] labels;
    private readonly int size;
    private readonly bool shuffle;
    private readonly int seed;

    public SyntheticImages(int count, int classes, int size, int seed, bool shuffle, double noise = 0.3)
    {
        this.size = size;
        this.shuffle = shuffle;
        this.seed = seed;
        ClassCount = classes;
        Count = count;
        var random = new Random(seed);
        images = new float[count * size * size];
        labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % classes;
            labels[i] = label;
            for (var p = 0; p < size * size; p++)
            {
                var pattern = (p % classes) == label ? 1.0 : -0.5;
                images[(i * size * size) + p] = (float)(pattern + (noise * ((random.NextDouble() * 2) - 1)));
            }
        }
    }

    public int Count { get; }

    public int ClassCount { get; }

    public IEnumerable<(Tensor Images, Tensor Labels)> Batches(int epoch, int batchSize, CancellationToken cancellationToken = default)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        if (shuffle)
        {
            new Random(HashCode.Combine(seed, epoch)).Shuffle(order);
        }

        for (var start = 0; start < Count; start += batchSize)
        {
            var indices = order.Skip(start).Take(batchSize).ToArray();
            var pixels = indices.SelectMany(i => images.AsSpan(i * size * size, size * size).ToArray()).ToArray();
            yield return (tensor(pixels, [indices.Length, 1, size, size]), tensor(indices.Select(i => labels[i]).ToArray()));
        }
    }
}
