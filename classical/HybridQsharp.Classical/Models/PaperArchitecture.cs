namespace HybridQsharp.Classical.Models;

/// <summary>
/// The paper's per-dataset network shapes (reference/paper-protocol.md): convolution widths,
/// which blocks pool, the reducer's hidden width and the classical head. These numbers, and
/// nothing else, decide the parameter counts the paper publishes.
/// </summary>
public sealed record PaperArchitecture(
    string Dataset,
    int InputChannels,
    int ImageSize,
    int ClassCount,
    int[] HybridChannels,
    int HybridPooledBlocks,
    int ReducerHidden,
    int[] ClassicalChannels,
    int ClassicalPooledBlocks,
    int ClassicalPoolSize,
    int ClassicalHeadHidden,
    double ClassicalDropout)
{
    /// <summary>Hidden width of the hybrid head (Linear(qubits, 128) ... Linear(128, classes)).</summary>
    public const int HybridHeadHidden = 128;

    /// <summary>Dropout of the hybrid head.</summary>
    public const double HybridDropout = 0.3;

    /// <summary>The hybrid CNN ends in AdaptiveAvgPool(4 × 4).</summary>
    public const int HybridPoolSize = 4;

    public static PaperArchitecture Mnist { get; } = new("mnist", 1, 28, 10,
        [16, 32], 2, 256,
        [32, 64], 2, 4, 128, 0.3);

    public static PaperArchitecture Cifar100 { get; } = new("cifar100", 3, 32, 100,
        [32, 64, 128], 2, 512,
        [64, 128, 256, 512], 3, 1, 256, 0.3);

    public static PaperArchitecture Stl10 { get; } = new("stl10", 3, 96, 10,
        [32, 64, 128, 256], 3, 1024,
        [64, 128, 256, 512], 3, 1, 256, 0.4);

    public static IReadOnlyList<PaperArchitecture> All { get; } = [Mnist, Cifar100, Stl10];

    /// <summary>The architecture for a dataset name (mnist, cifar100, stl10).</summary>
    public static PaperArchitecture For(string dataset) =>
        All.FirstOrDefault(a => string.Equals(a.Dataset, dataset, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown dataset '{dataset}'; expected one of {string.Join(", ", All.Select(a => a.Dataset))}.", nameof(dataset));
}
