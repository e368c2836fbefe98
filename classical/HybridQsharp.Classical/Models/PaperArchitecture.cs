namespace HybridQsharp.Classical.Models;

/// <summary>
/// The paper's per-dataset network shapes (docs/paper.md): convolution widths,
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
}
