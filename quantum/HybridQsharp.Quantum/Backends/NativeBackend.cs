using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>The in-process exact simulator: the default for training.</summary>
public sealed class NativeBackend(StateVectorSimulator simulator) : IQuantumBackend
{
    public string Name => "native";

    public StateVectorSimulator Simulator => simulator;

    public ValueTask<double[]> ExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(simulator.Expectations(tape, angles, circuits, cancellationToken));
}
