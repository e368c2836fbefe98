using static TorchSharp.torch;

namespace HybridQsharp.Classical.Training;

/// <summary>
/// While alive: torch's intra-op thread count fixed at <see cref="Threads"/>, so a run's
/// floating-point reductions are split the same way whatever the machine's core count. (On one
/// machine the default settings already repeat to the last bit; a different thread count changes
/// the sums in the 6th digit and, after a few epochs, the accuracies.) With one thread every CPU
/// kernel runs sequentially, which also covers what torch.use_deterministic_algorithms would,
/// a switch TorchSharp 0.107 does not implement. Restores the thread count when disposed.
/// </summary>
public sealed class DeterministicScope : IDisposable
{
    /// <summary>The intra-op thread count of deterministic runs.</summary>
    public const int Threads = 1;

    private readonly int _threads;

    private DeterministicScope()
    {
        _threads = get_num_threads();
        set_num_threads(Threads);
    }

    public static DeterministicScope Enter() => new();

    public void Dispose() => set_num_threads(_threads);
}
