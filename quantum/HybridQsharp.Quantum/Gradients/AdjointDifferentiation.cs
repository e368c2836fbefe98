using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// Adjoint differentiation (Jones and Gacon, arXiv:2009.02823): one forward run, then one
/// backward sweep that un-applies each gate to the state and to λ = O|ψ⟩; a rotation
/// exp(-iθP/2) contributes dE/dθ = Im⟨λ|P|ψ⟩. It needs the state, so it runs only on a backend
/// that declares <see cref="IStateVectorBackend"/>; the backend sweeps, and this method maps
/// derivatives with respect to gate angles onto the parameters through the tape's affine angles.
/// The Jacobian costs about (outputs + 2) circuit runs, a vector-Jacobian product about 3.
/// </summary>
public sealed class AdjointDifferentiation : IGradientMethod
{
    /// <summary>The method holds no state; one instance serves every tape and backend.</summary>
    public static AdjointDifferentiation Instance { get; } = new();

    public string Name => "adjoint";

    public bool PrefersVectorJacobianProduct => true;

    public bool Supports(IQuantumBackend backend) => backend is IStateVectorBackend;

    public async ValueTask<TapeJacobian> JacobianAsync(CircuitTape tape, IQuantumBackend backend, ReadOnlyMemory<double> parameters, int circuits,
        CancellationToken cancellationToken = default)
    {
        var stateVector = StateVectorOf(backend);
        var outputs = tape.OutputCount;
        var angleCount = tape.AngleCount;
        var angles = tape.EvaluateAngles(parameters.Span, circuits);
        var values = new double[circuits * outputs];
        var angleJacobian = new double[circuits * outputs * angleCount];
        await stateVector.AdjointAngleJacobianAsync(tape, angles, circuits, values, angleJacobian, cancellationToken);

        var jacobian = new double[circuits * outputs * tape.ParameterCount];
        for (var row = 0; row < circuits * outputs; row++)
        {
            AffineChainRule.Accumulate(tape, angleJacobian.AsSpan(row * angleCount, angleCount),
                jacobian.AsSpan(row * tape.ParameterCount, tape.ParameterCount));
        }

        return new TapeJacobian(circuits, outputs, tape.ParameterCount, values, jacobian);
    }

    public async ValueTask<TapeVectorJacobianProduct> VectorJacobianProductAsync(CircuitTape tape, IQuantumBackend backend,
        ReadOnlyMemory<double> parameters,
        ReadOnlyMemory<double> outputGradients, int circuits, CancellationToken cancellationToken = default)
    {
        var stateVector = StateVectorOf(backend);
        var outputs = tape.OutputCount;
        var angleCount = tape.AngleCount;
        var angles = tape.EvaluateAngles(parameters.Span, circuits);
        var values = new double[circuits * outputs];
        var angleGradients = new double[circuits * angleCount];
        await stateVector.AdjointAngleVectorJacobianProductAsync(tape, angles, outputGradients, circuits, values, angleGradients, cancellationToken);

        var gradients = new double[circuits * tape.ParameterCount];
        for (var c = 0; c < circuits; c++)
        {
            AffineChainRule.Accumulate(tape, angleGradients.AsSpan(c * angleCount, angleCount),
                gradients.AsSpan(c * tape.ParameterCount, tape.ParameterCount));
        }

        return new TapeVectorJacobianProduct(circuits, outputs, tape.ParameterCount, values, gradients);
    }

    private static IStateVectorBackend StateVectorOf(IQuantumBackend backend) =>
        backend as IStateVectorBackend
        ?? throw new NotSupportedException(
            $"Adjoint differentiation needs the state vector; the {backend.Name} backend does not expose it (use parameter-shift).");
}
