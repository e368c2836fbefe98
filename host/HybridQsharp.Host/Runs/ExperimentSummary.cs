using HybridQsharp.Classical.Training.Attacks;

namespace HybridQsharp.Host.Runs;

/// <summary>Everything metrics.json holds: the run's dataset (key), plan, environment and each model's results.</summary>
/// <param name="Attack">The per-epoch robustness attack (the history's robustness column); null in files written before it was recorded.</param>
public sealed record ExperimentSummary(
    string Dataset,
    ExperimentPlan Plan,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ModelOutcome> Models,
    PgdAttack? Attack = null);
