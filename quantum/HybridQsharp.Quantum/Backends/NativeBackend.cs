using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>The in-process exact simulator: the default for training, and the backend adjoint differentiation runs on.</summary>
public sealed class NativeBackend(StateVectorSimulator simulator) : IStateVectorBackend
{
    public string Name => "native";

    public StateVectorSimulator Simulator => simulator;

    public ValueTask<double[]> ExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(simulator.Expectations(tape, angles, circuits, cancellationToken));

    public ValueTask AdjointAngleJacobianAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, Memory<double> values,
        Memory<double> angleJacobian,
        CancellationToken cancellationToken = default)
    {
        simulator.AdjointJacobian(tape, angles, circuits, values, angleJacobian, cancellationToken);
        return ValueTask.CompletedTask;
    }

    public ValueTask AdjointAngleVectorJacobianProductAsync(CircuitTape tape, ReadOnlyMemory<double> angles, ReadOnlyMemory<double> outputGradients,
        int circuits,
        Memory<double> values, Memory<double> angleGradients, CancellationToken cancellationToken = default)
    {
        simulator.AdjointVectorJacobianProduct(tape, angles, outputGradients, circuits, values, angleGradients, cancellationToken);
        return ValueTask.CompletedTask;
    }

    public bool SharesShiftedPrefixes(CircuitTape tape) => simulator.SharesShiftedPrefixes(tape);

    public ValueTask ShiftedExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, ReadOnlyMemory<int> shiftedAngles,
        double shift, Memory<double> expectations, CancellationToken cancellationToken = default)
    {
        simulator.ShiftedExpectations(tape, angles, circuits, shiftedAngles.Span, shift, expectations, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
