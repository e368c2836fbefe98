using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>
/// A backend that holds each circuit's exact state vector, and can therefore differentiate by
/// the adjoint method: run forward once, then sweep back through the gates un-applying them to
/// ψ and to λ = O|ψ⟩. The sweep needs the state at every gate and the layout-specific kernels
/// (lane-batched, fused), which only the backend has, so the backend performs it and reports
/// derivatives with respect to gate angles; <c>AdjointDifferentiation</c> maps them to parameters.
/// Hardware and sampling backends do not implement this; parameter shift works everywhere.
/// </summary>
public interface IStateVectorBackend : IQuantumBackend
{
    /// <summary>
    /// Values (circuits × outputs) and derivatives of every output with respect to every gate
    /// angle (circuits × outputs × angles; zero for angles that depend on no parameter).
    /// </summary>
    ValueTask AdjointAngleJacobianAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, Memory<double> values,
        Memory<double> angleJacobian,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Values (circuits × outputs) and Σ_o g[c, o] · dE_o/dθ_g (circuits × angles) for output
    /// gradients g (circuits × outputs): one combined adjoint state, so the cost does not grow
    /// with the number of outputs.
    /// </summary>
    ValueTask AdjointAngleVectorJacobianProductAsync(CircuitTape tape, ReadOnlyMemory<double> angles, ReadOnlyMemory<double> outputGradients,
        int circuits,
        Memory<double> values, Memory<double> angleGradients, CancellationToken cancellationToken = default);

    /// <summary>Whether <see cref="ShiftedExpectationsAsync"/> can run <paramref name="tape"/>.</summary>
    bool SharesShiftedPrefixes(CircuitTape tape);

    /// <summary>
    /// Parameter-shift expectations with each circuit's prefix computed once: for circuit c, row (c, 0) its expectations,
    /// rows (c, 1 + 2s) and (c, 2 + 2s) those with angle shiftedAngles[s] moved by +shift and -shift, into
    /// <paramref name="expectations"/> (circuits × (1 + 2·shifts) × outputs); equal to <see cref="IQuantumBackend.ExpectationsAsync"/>
    /// on those rows. A shifted circuit only leaves the unshifted one at its shifted gate, and only a backend holding states
    /// can branch there.
    /// </summary>
    ValueTask ShiftedExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, ReadOnlyMemory<int> shiftedAngles,
        double shift, Memory<double> expectations, CancellationToken cancellationToken = default);
}
