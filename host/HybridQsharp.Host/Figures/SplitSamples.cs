namespace HybridQsharp.Host.Figures;

/// <summary>The sample images shown for one split ("train", "validation", "test").</summary>
public sealed record SplitSamples(string Split, IReadOnlyList<LabeledImage> Images);
