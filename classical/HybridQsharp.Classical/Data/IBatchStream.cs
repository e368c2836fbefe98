using static TorchSharp.torch;

namespace HybridQsharp.Classical.Data;

/// <summary>
/// A split of a dataset served as batches of normalised float images (B × C × H × W) and int64
/// labels. The split decides shuffling and augmentation; the order depends only on
/// (seed, epoch), so a resumed run sees the batches an uninterrupted run would.
/// </summary>
public interface IBatchStream
{
    int Count { get; }

    int ClassCount { get; }

    IEnumerable<(Tensor Images, Tensor Labels)> Batches(int epoch, int batchSize, CancellationToken cancellationToken = default);
}
