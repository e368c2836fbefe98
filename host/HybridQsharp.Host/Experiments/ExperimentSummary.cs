using HybridQsharp.Classical.Training;

namespace HybridQsharp.Host.Experiments;

/// <summary>Everything metrics.json holds: the run's settings, environment and each model's results.</summary>
public sealed record ExperimentSummary(
    string Dataset,
    ExperimentPlan Plan,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ModelOutcome> Models);

/// <summary>One model's run: history, best epoch, test evaluation and robustness, parameters.</summary>
public sealed record ModelOutcome(
    string Model,
    long Parameters,
    IReadOnlyList<EpochMetrics> History,
    int BestEpoch,
    double BestValidationAccuracy,
    EvaluationResult? Test,
    double? TestRobustness,
    bool Completed);
