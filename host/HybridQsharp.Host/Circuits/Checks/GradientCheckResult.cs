using HybridQsharp.Quantum.Gradients;

namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// The three Jacobians a gradient check computed (each circuits × outputs × parameters, row-major)
/// at <see cref="Points"/> (circuits × parameters), and their pairwise comparison.
/// </summary>
public sealed record GradientCheckResult(
    double[] Points, TapeJacobian ParameterShift, TapeJacobian Adjoint, double[] CentralDifferences, GradientCheckSummary Summary);
