using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training;

namespace HybridQsharp.Host.Runs;

/// <summary>One model's run: history, best epoch, test evaluation and robustness, parameters.</summary>
public sealed record ModelOutcome(
    ModelKind Model,
    long Parameters,
    IReadOnlyList<EpochMetrics> History,
    int BestEpoch,
    double BestValidationAccuracy,
    EvaluationResult? Test,
    double? TestRobustness,
    bool Completed);
