using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>Tapes made by the tests: every gate kind on random qubits, each rotation with its own parameter.</summary>
public static class RandomTapes
{
    /// <summary>
    /// <paramref name="repeats"/> rounds of every gate kind on random distinct qubits, each round
    /// followed by H on every qubit so fixed gates have a superposition to act on.
    /// </summary>
    public static CircuitTape EveryGate(int qubits, int seed, int repeats = 3, IReadOnlyList<PauliString>? observables = null)
    {
        var random = new Random(seed);
        var gates = new List<TapeGate>();
        var angles = new List<AffineAngle>();
        for (var repeat = 0; repeat < repeats; repeat++)
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

            gates.AddRange(Enumerable.Range(0, qubits).Select(q => new TapeGate(GateKind.H, q)));
        }

        return new CircuitTape(qubits, angles.Count, gates, angles, observables);
    }

    /// <summary>Angle encoding then BasicEntanglerLayers: RY per qubit, then per layer RX per qubit and the CNOT ring.</summary>
    public static CircuitTape AngleBasicEntangler(int qubits, int layers, IReadOnlyList<PauliString>? observables = null)
    {
        var gates = new List<TapeGate>();
        var angles = new List<AffineAngle>();
        for (var q = 0; q < qubits; q++)
        {
            gates.Add(new TapeGate(GateKind.Ry, q, AngleIndex: angles.Count));
            angles.Add(new AffineAngle(0, [angles.Count], [1.0]));
        }

        for (var l = 0; l < layers; l++)
        {
            for (var q = 0; q < qubits; q++)
            {
                gates.Add(new TapeGate(GateKind.Rx, q, AngleIndex: angles.Count));
                angles.Add(new AffineAngle(0, [angles.Count], [1.0]));
            }

            for (var q = 0; q < qubits; q++)
            {
                gates.Add(new TapeGate(GateKind.CX, q, (q + 1) % qubits));
            }
        }

        return new CircuitTape(qubits, angles.Count, gates, angles, observables);
    }

    public static double[] Parameters(CircuitTape tape, int circuits, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, circuits * tape.ParameterCount).Select(_ => 4 * (random.NextDouble() - 0.5)).ToArray();
    }

    /// <summary>Observables mixing diagonal, flipping and Y strings.</summary>
    public static IReadOnlyList<PauliString> MixedObservables(int qubits) =>
        new[] { "Z0 Z1", $"X{qubits - 1}", "Y0 Z2", $"X0 Y1 Z{qubits - 1}", "Y1", "Z2" }.Select(PauliString.Parse).ToArray();
}
