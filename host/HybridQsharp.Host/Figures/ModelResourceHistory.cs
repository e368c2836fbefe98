namespace HybridQsharp.Host.Figures;

/// <summary>The per-epoch resource use of one model.</summary>
public sealed record ModelResourceHistory(string Model, IReadOnlyList<EpochResourceUse> Epochs);
