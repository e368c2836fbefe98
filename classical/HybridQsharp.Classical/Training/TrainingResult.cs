using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training.Attacks;

namespace HybridQsharp.Classical.Training;

/// <summary>A model's finished (or interrupted) run.</summary>
/// <param name="TestAttacks">The best model's accuracy on the test split under each of <see cref="TrainingOptions.TestAttacks"/>; empty when not
/// measured.</param>
public sealed record TrainingResult(
    ModelKind Model,
    IReadOnlyList<EpochMetrics> History,
    int BestEpoch,
    double BestValidationAccuracy,
    EvaluationResult? Test,
    IReadOnlyList<AttackMeasurement> TestAttacks,
    bool Completed,
    long TrainableParameters);
