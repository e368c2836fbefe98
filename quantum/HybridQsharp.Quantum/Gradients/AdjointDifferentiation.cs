using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// Adjoint differentiation (Jones and Gacon, arXiv:2009.02823) on the native simulator: one
/// forward run, then one backward sweep that un-applies each gate to the state and to
/// Z_i|ψ⟩ for every output; a rotation exp(-iθP/2) contributes dE_i/dθ = Im⟨λ_i|P|ψ⟩.
/// Cost is about (outputs + 2) circuit runs instead of 1 + 2·rotations. Needs the state, so
/// it exists only for the native simulator.
/// </summary>
public sealed class AdjointDifferentiation(StateVectorSimulator simulator) : IGradientMethod
{
    public string Name => "adjoint";

    public ValueTask<TapeJacobian> JacobianAsync(CircuitTape tape, ReadOnlyMemory<double> parameters, int circuits, CancellationToken cancellationToken = default)
    {
        tape.RequireZOnEachObservables("Adjoint differentiation");
        var outputs = tape.Qubits;
        var angles = tape.EvaluateAngles(parameters.Span, circuits);
        var values = new double[circuits * outputs];
        var jacobian = new double[circuits * outputs * tape.ParameterCount];
        simulator.ForEachCircuit(circuits, tape.Qubits, () => new Scratch(tape), cancellationToken, (scratch, c) =>
        {
            var rowAngles = angles.AsSpan(c * tape.AngleCount, tape.AngleCount);
            var psi = scratch.Psi;
            StateVectorSimulator.Run(tape, rowAngles, psi);
            for (var o = 0; o < outputs; o++)
            {
                values[(c * outputs) + o] = psi.ExpectationZ(o);
                scratch.Lambda[o].CopyFrom(psi);
                GateKernels.Apply(scratch.Lambda[o], new TapeGate(GateKind.Z, o), 0);
            }

            Array.Clear(scratch.AngleGradients);
            for (var g = tape.Gates.Count - 1; g >= 0; g--)
            {
                var gate = tape.Gates[g];
                var angle = gate.AngleIndex >= 0 ? rowAngles[gate.AngleIndex] : 0;
                if (gate.AngleIndex >= 0 && !tape.Angles[gate.AngleIndex].IsConstant)
                {
                    scratch.Mu.CopyFrom(psi);
                    GateKernels.ApplyGenerator(scratch.Mu, gate);
                    for (var o = 0; o < outputs; o++)
                    {
                        scratch.AngleGradients[(o * tape.AngleCount) + gate.AngleIndex] = scratch.Lambda[o].ImaginaryInnerProduct(scratch.Mu);
                    }
                }

                GateKernels.Apply(psi, gate, angle, inverse: true);
                foreach (var lambda in scratch.Lambda)
                {
                    GateKernels.Apply(lambda, gate, angle, inverse: true);
                }
            }

            for (var o = 0; o < outputs; o++)
            {
                AffineChainRule.Accumulate(
                    tape,
                    scratch.AngleGradients.AsSpan(o * tape.AngleCount, tape.AngleCount),
                    jacobian.AsSpan(((c * outputs) + o) * tape.ParameterCount, tape.ParameterCount));
            }
        });

        return ValueTask.FromResult(new TapeJacobian(circuits, outputs, tape.ParameterCount, values, jacobian));
    }

    private sealed class Scratch(CircuitTape tape)
    {
        public StateVector Psi { get; } = new(tape.Qubits);

        public StateVector Mu { get; } = new(tape.Qubits);

        public StateVector[] Lambda { get; } = Enumerable.Range(0, tape.Qubits).Select(_ => new StateVector(tape.Qubits)).ToArray();

        public double[] AngleGradients { get; } = new double[tape.Qubits * tape.AngleCount];
    }
}
