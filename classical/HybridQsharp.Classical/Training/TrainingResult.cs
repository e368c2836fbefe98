using HybridQsharp.Classical.Models;

namespace HybridQsharp.Classical.Training;

/// <summary>A model's finished (or interrupted) run.</summary>
public sealed record TrainingResult(ModelKind Model, IReadOnlyList<EpochMetrics> History, int BestEpoch, double BestValidationAccuracy, EvaluationResult? Test, double? TestRobustness, bool Completed, long TrainableParameters);
