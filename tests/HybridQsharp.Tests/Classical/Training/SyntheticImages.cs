using HybridQsharp.Classical.Data;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical.Training;

/// <summary>
/// A small in-memory image set made by the test: class c images are noise around a class-specific
/// pattern, so a CNN learns them in a few steps. Order depends only on (seed, epoch).
/// </summary>
public sealed class SyntheticImages : IBatchStream
{
    private readonly float[] _images;
    private readonly long[] _labels;
    private readonly int _size;
    private readonly bool _shuffle;
    private readonly int _seed;

    public SyntheticImages(int count, int classes, int size, int seed, bool shuffle, double noise = 0.3)
    {
        _size = size;
        _shuffle = shuffle;
        _seed = seed;
        ClassCount = classes;
        Count = count;
        var random = new Random(seed);
        _images = new float[count * size * size];
        _labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % classes;
            _labels[i] = label;
            for (var p = 0; p < size * size; p++)
            {
                var pattern = (p % classes) == label ? 1.0 : -0.5;
                _images[(i * size * size) + p] = (float)(pattern + (noise * ((random.NextDouble() * 2) - 1)));
            }
        }
    }

    public int Count { get; }

    public int ClassCount { get; }

    public IEnumerable<(Tensor Images, Tensor Labels)> Batches(int epoch, int batchSize, CancellationToken cancellationToken = default)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        if (_shuffle)
        {
            new Random(HashCode.Combine(_seed, epoch)).Shuffle(order);
        }

        for (var start = 0; start < Count; start += batchSize)
        {
            var indices = order.Skip(start).Take(batchSize).ToArray();
            var pixels = indices.SelectMany(i => _images.AsSpan(i * _size * _size, _size * _size).ToArray()).ToArray();
            yield return (tensor(pixels, [indices.Length, 1, _size, _size]), tensor(indices.Select(i => _labels[i]).ToArray()));
        }
    }
}
