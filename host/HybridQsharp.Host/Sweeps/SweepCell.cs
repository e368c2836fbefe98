using HybridQsharp.Classical.Models;

namespace HybridQsharp.Host.Sweeps;

/// <summary>
/// One cell of a sweep: one model on one dataset with one seed (and one value of every other axis), trained as an
/// ordinary run in its own folder. <paramref name="Settings"/> are the configuration overrides that make it so
/// ("Experiment:Seed" → "3", ...); <see cref="State"/> and <see cref="Slurm"/> are what the manifest last knew.
/// </summary>
public sealed record SweepCell(string Id, string Dataset, ModelKind Model, int Seed, IReadOnlyDictionary<string, string> Settings)
{
    public CellStatus State { get; init; } = CellStatus.Pending;

    /// <summary>The array task the cell was last submitted as, when the Slurm executor placed it.</summary>
    public SlurmTaskReference? Slurm { get; init; }

    /// <summary>Whether <paramref name="other"/> is the same cell: same id and settings (state aside).</summary>
    public bool SamePlan(SweepCell other) => Id == other.Id && Settings.Count == other.Settings.Count
        && Settings.All(kv => other.Settings.TryGetValue(kv.Key, out var value) && value == kv.Value);
}
