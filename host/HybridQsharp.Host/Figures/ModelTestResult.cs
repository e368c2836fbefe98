namespace HybridQsharp.Host.Figures;

/// <summary>
/// Test accuracy and PGD robust accuracy of one model as fractions in [0, 1], with the paper's
/// values for the same model when known (drawn beside ours, hatched grey).
/// </summary>
public sealed record ModelTestResult(
    string Model, double TestAccuracy, double? RobustAccuracy = null, double? PaperTestAccuracy = null, double? PaperRobustAccuracy = null);
