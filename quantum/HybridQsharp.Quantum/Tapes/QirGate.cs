namespace HybridQsharp.Quantum.Tapes;

/// <summary>A gate as read from QIR: its kind, qubits and, for rotations, the literal angle.</summary>
public sealed record QirGate(GateKind Kind, int[] Qubits, double Angle, int Line)
{
    public bool SameStructureAs(QirGate other) => Kind == other.Kind && Qubits.AsSpan().SequenceEqual(other.Qubits);

    public override string ToString() =>
        $"{Kind.ToString().ToLowerInvariant()} on qubit{(Qubits.Length > 1 ? "s" : "")} {string.Join(", ", Qubits)}";
}
