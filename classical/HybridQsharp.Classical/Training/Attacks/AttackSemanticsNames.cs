namespace HybridQsharp.Classical.Training.Attacks;

/// <summary>The names of <see cref="AttackSemantics"/> on the command line and in configuration and metrics files.</summary>
public static class AttackSemanticsNames
{
    private static readonly (AttackSemantics Semantics, string Name)[] Names =
    [
        (AttackSemantics.Sound, "sound"),
        (AttackSemantics.Paper, "paper"),
        (AttackSemantics.ClampOnly, "clamp-only"),
        (AttackSemantics.NormalisedUnclamped, "normalised-unclamped"),
    ];

    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    public static string Name(this AttackSemantics semantics) => Names.Single(n => n.Semantics == semantics).Name;

    /// <summary>The semantics named <paramref name="name"/> (case-insensitive), or false.</summary>
    public static bool TryParse(string name, out AttackSemantics semantics)
    {
        foreach (var (candidate, text) in Names)
        {
            if (string.Equals(text, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                semantics = candidate;
                return true;
            }
        }

        semantics = default;
        return false;
    }
}
