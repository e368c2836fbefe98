namespace HybridQsharp.Host.Figures;

/// <summary>A model's mean over seeds with the half-width of its confidence interval (null for one seed), as fractions.</summary>
public sealed record ModelInterval(string Model, double Mean, double? HalfWidth, int Count);
