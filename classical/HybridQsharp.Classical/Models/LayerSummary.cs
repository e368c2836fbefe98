namespace HybridQsharp.Classical.Models;

/// <summary>One row of a model summary: the layer, its output shape for one input, its trainable parameters.</summary>
public sealed record LayerSummary(string Name, string Type, long[] OutputShape, long Parameters);
