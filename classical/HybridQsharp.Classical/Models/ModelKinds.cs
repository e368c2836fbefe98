namespace HybridQsharp.Classical.Models;

/// <summary>Keys of <see cref="ModelKind"/> and the command line's model selections (a kind, "both" or "all").</summary>
public static class ModelKinds
{
    /// <summary>The paper's comparison: hybrid then classical.</summary>
    public static IReadOnlyList<ModelKind> Both { get; } = [ModelKind.Hybrid, ModelKind.Classical];

    /// <summary>Every family, the twin last.</summary>
    public static IReadOnlyList<ModelKind> All { get; } = [ModelKind.Hybrid, ModelKind.Classical, ModelKind.Twin];

    /// <summary>The selections the command line accepts, for messages.</summary>
    public static IReadOnlyList<string> SelectionKeys { get; } = [.. All.Select(Key), "both", "all"];

    /// <summary>"hybrid", "classical" or "twin": the name in run folders, metrics and figures.</summary>
    public static string Key(this ModelKind kind) => kind switch
    {
        ModelKind.Hybrid => "hybrid",
        ModelKind.Classical => "classical",
        ModelKind.Twin => "twin",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether the model has the hybrid's network (CNN → reducer → layer → head).</summary>
    public static bool HasHybridNetwork(this ModelKind kind) => kind is ModelKind.Hybrid or ModelKind.Twin;

    public static bool TryParse(string? key, out ModelKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Key(), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>A kind, or "both" (hybrid, classical) or "all" (hybrid, classical, twin); null when unknown.</summary>
    public static IReadOnlyList<ModelKind>? ParseSelection(string? selection) => selection?.Trim().ToLowerInvariant() switch
    {
        "both" => Both,
        "all" => All,
        var single => TryParse(single, out var kind) ? [kind] : null,
    };
}
