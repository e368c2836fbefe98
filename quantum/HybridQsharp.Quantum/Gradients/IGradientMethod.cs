using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Gradients;

/// <summary>Differentiates ⟨Z_i⟩ of a tape with respect to its parameters, for a batch of circuits.</summary>
public interface IGradientMethod
{
    string Name { get; }

    /// <summary>Values and Jacobian for <paramref name="circuits"/> rows of parameters (circuits × tape.ParameterCount).</summary>
    ValueTask<TapeJacobian> JacobianAsync(CircuitTape tape, ReadOnlyMemory<double> parameters, int circuits, CancellationToken cancellationToken = default);
}
