namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>What the classifier declares (through its Q# shape function or --features/--weights): parameters, their ranges, its outputs.</summary>
public sealed record ShapeSummary(
    int Features, int Weights, IReadOnlyList<double> FeatureRange, IReadOnlyList<double> WeightRange, IReadOnlyList<string> Observables);
