using System.ComponentModel.DataAnnotations;
using HybridQsharp.Classical.Training.Attacks;

namespace HybridQsharp.Classical.Training;

/// <summary>The training protocol's knobs; the defaults are the paper's.</summary>
public sealed record TrainingOptions
{
    [Range(1, 10_000)]
    public int Epochs { get; init; } = 50;

    [Range(1, 65_536)]
    public int BatchSize { get; init; } = 64;

    public int Seed { get; init; } = 42;

    [Range(0.0, 0.99)]
    public double LabelSmoothing { get; init; } = 0.1;

    /// <summary>PGD robustness on the validation split every this many epochs (0: never).</summary>
    [Range(0, 10_000)]
    public int RobustnessEvery { get; init; } = 5;

    /// <summary>Validation samples the PGD evaluation uses (null: all, as the paper).</summary>
    [Range(1, int.MaxValue)]
    public int? RobustnessSamples { get; init; }

    /// <summary>
    /// The attack of the per-epoch robustness measurement. The default has sound semantics, which need the dataset's
    /// normalisation: set <see cref="PgdAttack.Normalization"/> (the host does) or choose other semantics.
    /// </summary>
    public PgdAttack Attack { get; init; } = new();

    /// <summary>The attacks the best model meets on the test split at the end; null: <see cref="Attack"/> alone.</summary>
    public IReadOnlyList<PgdAttack>? TestAttacks { get; init; }

    /// <summary>
    /// Bit-equal metrics whatever the machine's core count: one torch intra-op thread
    /// (<see cref="DeterministicScope"/>). Off by default: on one machine the
    /// same seed already gives the same metrics, and one thread slows the CNN part.
    /// </summary>
    public bool Deterministic { get; init; }

    /// <summary>A log line every this many batches when progress is not interactive.</summary>
    [Range(1, 1_000_000)]
    public int LogEvery { get; init; } = 100;
}
