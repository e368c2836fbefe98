using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Classical;

/// <summary>Quantum layers whose tape is written out here, so classical tests need no Q# runtime.</summary>
public static class HandWrittenTape
{
    /// <summary>The 2-qubit angle classifier with one BasicEntangler layer, as its tape: RY(f_i), RX(w_i), CX(0, 1).</summary>
    public static QuantumCircuitExecution AngleClassifier(IQuantumBackend? backend = null, StateVectorSimulator? simulator = null)
    {
        var circuit = BuiltInClassifiers.Create(Encoding.Angle, Ansatz.BasicEntangler, 2, 1);
        var tape = new CircuitTape(2, 4,
            [
                new TapeGate(GateKind.Ry, 0, AngleIndex: 0), new TapeGate(GateKind.Ry, 1, AngleIndex: 1),
                new TapeGate(GateKind.Rx, 0, AngleIndex: 2), new TapeGate(GateKind.Rx, 1, AngleIndex: 3),
                new TapeGate(GateKind.CX, 0, 1),
            ],
            [new AffineAngle(0, [0], [1]), new AffineAngle(0, [1], [1]), new AffineAngle(0, [2], [1]), new AffineAngle(0, [3], [1])]);
        backend ??= new NativeBackend(simulator ?? new StateVectorSimulator());
        return new QuantumCircuitExecution(circuit, tape, backend, ParameterShift.Instance);
    }
}
