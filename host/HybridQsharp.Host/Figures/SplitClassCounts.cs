namespace HybridQsharp.Host.Figures;

/// <summary>How many examples of each class one split holds (index = class).</summary>
public sealed record SplitClassCounts(string Split, IReadOnlyList<int> Counts);
