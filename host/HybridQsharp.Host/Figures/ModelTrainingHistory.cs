namespace HybridQsharp.Host.Figures;

/// <summary>The per-epoch metrics of one model (e.g. "hybrid", "classical", "twin").</summary>
public sealed record ModelTrainingHistory(string Model, IReadOnlyList<EpochMetrics> Epochs);
