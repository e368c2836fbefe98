namespace HybridQsharp.Quantum.Tapes;

/// <summary>
/// A straight-line circuit on <see cref="Qubits"/> qubits whose rotation angles are affine
/// functions of <see cref="ParameterCount"/> parameters, and the Pauli-string observables whose
/// expectations are its outputs (Z on each qubit unless the classifier declares others).
/// Executing a tape needs only its gate angles, so backends and gradient methods work on
/// angle rows (one per circuit) and know nothing of where the parameters came from.
/// </summary>
public sealed class CircuitTape
{
    public CircuitTape(int qubits, int parameterCount, IReadOnlyList<TapeGate> gates, IReadOnlyList<AffineAngle> angles,
        IReadOnlyList<PauliString>? observables = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        observables ??= PauliString.ZOnEach(qubits);
        if (observables.Count == 0)
        {
            throw new ArgumentException("A tape needs at least one observable.", nameof(observables));
        }

        if (observables.FirstOrDefault(o => o.MaxQubit >= qubits) is { } outside)
        {
            throw new ArgumentException($"Observable {outside} acts outside the {qubits}-qubit register.", nameof(observables));
        }

        foreach (var gate in gates)
        {
            var used = new[] { gate.Qubit0, gate.Qubit1, gate.Qubit2 }.Take(gate.Kind.QubitCount()).ToArray();
            if (used.Any(q => q < 0 || q >= qubits) || used.Distinct().Count() != used.Length)
            {
                throw new ArgumentException($"Gate {gate} does not act on distinct qubits of a {qubits}-qubit register.", nameof(gates));
            }

            if (gate.Kind.IsRotation() != (gate.AngleIndex >= 0) || gate.AngleIndex >= angles.Count)
            {
                throw new ArgumentException($"Gate {gate} has angle index {gate.AngleIndex} of {angles.Count}.", nameof(gates));
            }
        }

        Qubits = qubits;
        ParameterCount = parameterCount;
        Gates = gates;
        Angles = angles;
        Observables = observables;
        HasZOnEachObservables = PauliString.AreZOnEach(observables, qubits);
    }

    public int Qubits { get; }

    public int ParameterCount { get; }

    public IReadOnlyList<TapeGate> Gates { get; }

    /// <summary>One affine angle per rotation gate, in gate order.</summary>
    public IReadOnlyList<AffineAngle> Angles { get; }

    public int AngleCount => Angles.Count;

    /// <summary>The observables whose expectations are the tape's outputs, in output order.</summary>
    public IReadOnlyList<PauliString> Observables { get; }

    /// <summary>Outputs per circuit: one expectation per observable.</summary>
    public int OutputCount => Observables.Count;

    /// <summary>True for the default outputs, Z0 … Z(n-1), which kernels can read off the probabilities directly.</summary>
    public bool HasZOnEachObservables { get; }

    /// <summary>
    /// Writes the gate angles of each circuit (rows of <see cref="AngleCount"/>) for parameter rows (of <see cref="ParameterCount"/>).
    /// </summary>
    public void EvaluateAngles(ReadOnlySpan<double> parameters, int circuits, Span<double> angles)
    {
        if (parameters.Length != circuits * ParameterCount || angles.Length != circuits * AngleCount)
        {
            throw new ArgumentException($"Expected {circuits} x {ParameterCount} parameters and {circuits} x {AngleCount} angles.");
        }

        for (var c = 0; c < circuits; c++)
        {
            var row = parameters.Slice(c * ParameterCount, ParameterCount);
            for (var g = 0; g < AngleCount; g++)
            {
                angles[c * AngleCount + g] = Angles[g].Evaluate(row);
            }
        }
    }

    public double[] EvaluateAngles(ReadOnlySpan<double> parameters, int circuits)
    {
        var angles = new double[circuits * AngleCount];
        EvaluateAngles(parameters, circuits, angles);
        return angles;
    }
}
