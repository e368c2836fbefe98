using HybridQsharp.Classical.Models;

namespace HybridQsharp.Classical.Training;

/// <summary>One model's measurements for one epoch.</summary>
public sealed record EpochMetrics(
    ModelKind Model,
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    double Precision,
    double Recall,
    double F1,
    double? Robustness,
    double EpochSeconds,
    double DataSeconds,
    double ComputeSeconds,
    double QuantumSeconds,
    double EvaluationSeconds,
    double CpuSeconds,
    long PeakWorkingSetBytes,
    double LearningRate);
