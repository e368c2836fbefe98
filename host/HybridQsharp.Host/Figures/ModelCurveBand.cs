namespace HybridQsharp.Host.Figures;

/// <summary>A model's curve over epochs with its band over seeds.</summary>
public sealed record ModelCurveBand(string Model, IReadOnlyList<EpochBand> Epochs);
