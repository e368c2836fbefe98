namespace HybridQsharp.Host.Figures;

/// <summary>One panel of a band figure: a dataset and its models' curves.</summary>
public sealed record DatasetCurveBands(string Dataset, IReadOnlyList<ModelCurveBand> Models);
