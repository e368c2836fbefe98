using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>The lane-batched layout (small registers) and the one-state layout (large registers) compute the same thing.</summary>
public sealed class SimulatorLayoutTests
{
    [Theory]
    [InlineData(3, 70)]
    [InlineData(5, 9)]
    [InlineData(7, 33)]
    public void LaneBatchedExpectationsEqualOneStateAtATime(int qubits, int circuits)
    {
        var random = new Random(qubits);
        var gates = new List<TapeGate>();
        var angles = new List<AffineAngle>();
        for (var repeat = 0; repeat < 3; repeat++)
        {
            foreach (var kind in Enum.GetValues<GateKind>())
            {
                var q = Enumerable.Range(0, qubits).OrderBy(_ => random.Next()).Take(3).ToArray();
                var angleIndex = kind.IsRotation() ? angles.Count : -1;
                if (kind.IsRotation())
                {
                    angles.Add(new AffineAngle(0, [angles.Count], [1.0]));
                }

                gates.Add(new TapeGate(kind, q[0], kind.QubitCount() > 1 ? q[1] : -1, kind.QubitCount() > 2 ? q[2] : -1, angleIndex));
            }

            // Superpose every qubit so the fixed gates have something to act on.
            gates.AddRange(Enumerable.Range(0, qubits).Select(q => new TapeGate(GateKind.H, q)));
        }

        var tape = new CircuitTape(qubits, angles.Count, gates, angles);
        var parameters = Enumerable.Range(0, circuits * angles.Count).Select(_ => 4 * (random.NextDouble() - 0.5)).ToArray();
        var gateAngles = tape.EvaluateAngles(parameters, circuits);

        var batched = new StateVectorSimulator().Expectations(tape, gateAngles, circuits);

        for (var c = 0; c < circuits; c++)
        {
            var state = new StateVector(qubits);
            StateVectorSimulator.Run(tape, gateAngles.AsSpan(c * tape.AngleCount, tape.AngleCount), state);
            for (var q = 0; q < qubits; q++)
            {
                Assert.Equal(state.ExpectationZ(q), batched[(c * qubits) + q], 1e-12);
            }
        }
    }
}
