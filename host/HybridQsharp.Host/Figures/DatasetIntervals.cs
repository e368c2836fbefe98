namespace HybridQsharp.Host.Figures;

/// <summary>One panel of an interval figure: a dataset and its models' means with intervals.</summary>
public sealed record DatasetIntervals(string Dataset, IReadOnlyList<ModelInterval> Models);
