namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// The tape's rotations by what their angle depends on: features only, weights only, both, or
/// nothing (a constant angle); and how many parameters drive more than one rotation (shared
/// parameters, whose gradient the affine map sums).
/// </summary>
public sealed record ParametricGateSummary(int Rotations, int OnFeatures, int OnWeights, int OnBoth, int Constant, int SharedParameters);
