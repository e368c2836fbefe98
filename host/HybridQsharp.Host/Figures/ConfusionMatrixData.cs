namespace HybridQsharp.Host.Figures;

/// <summary>Counts[true class, predicted class] of one model on one split.</summary>
public sealed record ConfusionMatrixData(string Model, IReadOnlyList<string> ClassNames, int[,] Counts);
