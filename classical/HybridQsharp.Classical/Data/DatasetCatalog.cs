using HybridQsharp.Classical.Data.Datasets;

namespace HybridQsharp.Classical.Data;

/// <summary>The datasets this build knows, by key: the one registry of datasets.</summary>
public static class DatasetCatalog
{
    public static IReadOnlyList<DatasetDefinition> All { get; } = [new MnistDataset(), new Cifar100Dataset(), new Stl10Dataset()];

    public static IEnumerable<string> Keys => All.Select(d => d.Key);

    /// <summary>The dataset named <paramref name="key"/> (case-insensitive), or null.</summary>
    public static DatasetDefinition? Find(string? key) =>
        All.FirstOrDefault(d => string.Equals(d.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <exception cref="DatasetFormatException">No dataset has that key; the message lists the known ones.</exception>
    public static DatasetDefinition Parse(string key) =>
        Find(key) ?? throw new DatasetFormatException($"unknown dataset '{key}'; expected one of: {string.Join(", ", Keys)}");
}
