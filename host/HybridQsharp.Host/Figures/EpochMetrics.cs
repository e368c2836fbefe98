namespace HybridQsharp.Host.Figures;

/// <summary>
/// One epoch of training as plotted. Accuracy and F1 are fractions in [0, 1] (shown as %);
/// <see cref="RobustAccuracy"/> is null on epochs where PGD robustness was not measured.
/// </summary>
public sealed record EpochMetrics(
    int Epoch, double TrainLoss, double ValidationLoss, double ValidationAccuracy, double MacroF1, double? RobustAccuracy = null);
