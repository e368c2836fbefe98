using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// Differentiates the expectations of a tape's observables with respect to its parameters, for
/// a batch of circuits, on a backend it is given: the tape says what, the backend where, the
/// method how (PennyLane's tape, device and gradient transform). Methods hold no state.
/// </summary>
public interface IGradientMethod
{
    string Name { get; }

    /// <summary>
    /// True when a vector-Jacobian product costs less than the Jacobian (adjoint: one combined
    /// λ instead of one per output), so a caller that only needs gradients should ask for it;
    /// false when the Jacobian costs no more (parameter shift evaluates every shifted circuit either way).
    /// </summary>
    bool PrefersVectorJacobianProduct { get; }

    /// <summary>Whether this method can differentiate on <paramref name="backend"/>.</summary>
    bool Supports(IQuantumBackend backend);

    /// <summary>Values and Jacobian for <paramref name="circuits"/> rows of parameters (circuits × tape.ParameterCount).</summary>
    /// <exception cref="NotSupportedException">The method cannot run on <paramref name="backend"/>.</exception>
    ValueTask<TapeJacobian> JacobianAsync(CircuitTape tape, IQuantumBackend backend, ReadOnlyMemory<double> parameters, int circuits,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Values and, per circuit, the gradient of Σ_o g[c, o] · E_o with respect to the parameters,
    /// for output gradients g (circuits × tape.OutputCount).
    /// </summary>
    /// <exception cref="NotSupportedException">The method cannot run on <paramref name="backend"/>.</exception>
    ValueTask<TapeVectorJacobianProduct> VectorJacobianProductAsync(CircuitTape tape, IQuantumBackend backend, ReadOnlyMemory<double> parameters,
        ReadOnlyMemory<double> outputGradients, int circuits, CancellationToken cancellationToken = default);
}
