using System.Text.Json.Serialization;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training;
using HybridQsharp.Classical.Training.Attacks;

namespace HybridQsharp.Host.Runs;

/// <summary>One model's run: history, best epoch, test evaluation, accuracy under each test-split attack, parameters.</summary>
/// <param name="TestAttacks">The best model's test accuracy under each attack (sound, paper, clamp-only); null or empty: not measured.</param>
public sealed record ModelOutcome(
    ModelKind Model,
    long Parameters,
    IReadOnlyList<EpochMetrics> History,
    int BestEpoch,
    double BestValidationAccuracy,
    EvaluationResult? Test,
    IReadOnlyList<AttackMeasurement>? TestAttacks,
    bool Completed)
{
    /// <summary>
    /// metrics.json written before attacks stated their semantics held one number, "testRobustness": PGD with ε 0.1,
    /// α 0.01, 10 steps, random start, in normalised units without a clamp. Read so those files stay readable.
    /// </summary>
    [JsonPropertyName("testRobustness")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LegacyTestRobustness { get; init; }

    /// <summary>Every test-split attack measurement, the legacy number included as normalised-unclamped (its sample count unknown: 0).</summary>
    [JsonIgnore]
    public IReadOnlyList<AttackMeasurement> Attacks => TestAttacks is { Count: > 0 } attacks
        ? attacks
        : LegacyTestRobustness is { } legacy ? [new AttackMeasurement(AttackSemantics.NormalisedUnclamped, 0.1, 0.01, 10, true, 0, legacy)] : [];

    /// <summary>The test accuracy under the attack of these semantics, or null when it was not measured.</summary>
    public AttackMeasurement? Attack(AttackSemantics semantics) => Attacks.FirstOrDefault(a => a.Semantics == semantics);
}
