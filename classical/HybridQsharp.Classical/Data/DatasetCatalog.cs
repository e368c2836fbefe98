using HybridQsharp.Classical.Data.Datasets;

namespace HybridQsharp.Classical.Data;

/// <summary>
/// The datasets a host knows, by key: the built-in ones (<see cref="BuiltIn"/>) and any a library or
/// test registers with <c>services.AddDataset(...)</c>. The one registry of datasets.
/// </summary>
public sealed class DatasetCatalog
{
    public DatasetCatalog(IEnumerable<DatasetDefinition> definitions)
    {
        All = definitions.ToList();
        var duplicate = All.GroupBy(d => d.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two datasets are registered under the key '{duplicate.Key}'.", nameof(definitions));
        }
    }

    /// <summary>The datasets this project ships: adding one is a definition file, its reader and a line here.</summary>
    public static IReadOnlyList<DatasetDefinition> BuiltIn { get; } = [new MnistDataset(), new Cifar100Dataset(), new Stl10Dataset()];

    /// <summary>A catalog of the built-in datasets only.</summary>
    public static DatasetCatalog Default { get; } = new(BuiltIn);

    public IReadOnlyList<DatasetDefinition> All { get; }

    public IEnumerable<string> Keys => All.Select(d => d.Key);

    /// <summary>The dataset named <paramref name="key"/> (case-insensitive), or null.</summary>
    public DatasetDefinition? Find(string? key) =>
        All.FirstOrDefault(d => string.Equals(d.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <exception cref="DatasetFormatException">No dataset has that key; the message lists the known ones.</exception>
    public DatasetDefinition Parse(string key) =>
        Find(key) ?? throw new DatasetFormatException($"unknown dataset '{key}'; expected one of: {string.Join(", ", Keys)}");
}
