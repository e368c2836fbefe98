namespace HybridQsharp.Host.Runs;

/// <summary>Everything metrics.json holds: the run's dataset (key), plan, environment and each model's results.</summary>
public sealed record ExperimentSummary(
    string Dataset,
    ExperimentPlan Plan,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ModelOutcome> Models);
