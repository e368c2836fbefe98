using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Runs;

namespace HybridQsharp.Host.Reports;

/// <summary>
/// The attack columns of a table: one per attack semantics that any of the models was measured under, in a fixed
/// order (sound, paper, clamp-only, then the former unclamped attack), each headed by its semantics and ε.
/// </summary>
public static class AttackColumns
{
    private static readonly AttackSemantics[] Order =
        [AttackSemantics.Sound, AttackSemantics.Paper, AttackSemantics.ClampOnly, AttackSemantics.NormalisedUnclamped];

    /// <summary>The semantics measured for any of <paramref name="outcomes"/>, each with its label (e.g. "sound PGD ε=0.1").</summary>
    public static IReadOnlyList<(AttackSemantics Semantics, string Label)> Of(IEnumerable<ModelOutcome> outcomes) =>
        Of(outcomes.SelectMany(o => o.Attacks));

    /// <summary>The semantics among <paramref name="measurements"/>, in the fixed order, each with its label.</summary>
    public static IReadOnlyList<(AttackSemantics Semantics, string Label)> Of(IEnumerable<AttackMeasurement> measurements)
    {
        var measured = measurements.ToList();
        return [.. Order.Where(s => measured.Any(m => m.Semantics == s)).Select(s => (s, measured.First(m => m.Semantics == s).Label))];
    }

    /// <summary>A header for a test-split accuracy under an attack, e.g. "test acc, paper PGD ε=0.1".</summary>
    public static string Header(string label) => $"test acc, {label}";
}
