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

    /// <summary>
    /// Whether <paramref name="other"/> trains the same thing: same id and experiment settings. Other sections
    /// (Slurm:Partition, Qsharp:NodePath) say where and how a cell runs, not what it is.
    /// </summary>
    public bool SamePlan(SweepCell other) => Id == other.Id && Experiment(Settings).SequenceEqual(Experiment(other.Settings));

    private static IEnumerable<KeyValuePair<string, string>> Experiment(IReadOnlyDictionary<string, string> settings) =>
        settings.Where(kv => kv.Key.StartsWith("Experiment:", StringComparison.OrdinalIgnoreCase)).OrderBy(kv => kv.Key, StringComparer.Ordinal);
}
