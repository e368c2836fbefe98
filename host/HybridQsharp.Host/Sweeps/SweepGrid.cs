namespace HybridQsharp.Host.Sweeps;

/// <summary>
/// A sweep's grid as the user gave it (flags or a grid file): the axes multiply into cells, every other value is the
/// same in each cell. An empty axis takes the configured default (e.g. the appsettings seed) as its single value.
/// </summary>
/// <param name="Models">Model kinds, or the selections both and all.</param>
/// <param name="Datasets">Dataset keys.</param>
/// <param name="Seeds">Seeds: one cell per seed, the unit the statistics pair over.</param>
/// <param name="Epochs">Epoch counts (an axis: several values give several cells).</param>
/// <param name="Qubits">Qubit counts of the quantum layer.</param>
/// <param name="Layers">Ansatz layer counts.</param>
/// <param name="Encodings">Encodings (amplitude, angle).</param>
/// <param name="Ansatzes">Ansatzes (basic, strong).</param>
/// <param name="Set">Configuration values every cell gets, "Section:Key" → value ("Experiment:" is implied for a bare key).</param>
public sealed record SweepGrid(
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<int> Epochs,
    IReadOnlyList<int> Qubits,
    IReadOnlyList<int> Layers,
    IReadOnlyList<string> Encodings,
    IReadOnlyList<string> Ansatzes,
    IReadOnlyDictionary<string, string> Set)
{
    public static SweepGrid Empty { get; } = new([], [], [], [], [], [], [], [], new Dictionary<string, string>());

    /// <summary>This grid with every non-empty axis and every setting of <paramref name="other"/> in place of its own.</summary>
    public SweepGrid OverriddenBy(SweepGrid other) => new(
        other.Models.Count > 0 ? other.Models : Models,
        other.Datasets.Count > 0 ? other.Datasets : Datasets,
        other.Seeds.Count > 0 ? other.Seeds : Seeds,
        other.Epochs.Count > 0 ? other.Epochs : Epochs,
        other.Qubits.Count > 0 ? other.Qubits : Qubits,
        other.Layers.Count > 0 ? other.Layers : Layers,
        other.Encodings.Count > 0 ? other.Encodings : Encodings,
        other.Ansatzes.Count > 0 ? other.Ansatzes : Ansatzes,
        new SortedDictionary<string, string>(Set.Concat(other.Set).GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value), StringComparer.Ordinal));
}
