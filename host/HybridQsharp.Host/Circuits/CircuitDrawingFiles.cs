namespace HybridQsharp.Host.Circuits;

/// <summary>The paths `circuit draw` wrote.</summary>
public sealed record CircuitDrawingFiles(string Png, string Svg, string Text, string Arguments, string? Estimate);
