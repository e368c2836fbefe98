namespace HybridQsharp.Host.Figures;

/// <summary>The two files written for one figure.</summary>
public sealed record FigureFiles(string Png, string Svg);
