namespace HybridQsharp.Quantum.Tapes;

/// <summary>
/// One gate of a tape. Rotations carry the index of their angle in the tape's angle list;
/// fixed gates carry -1. Unused qubit slots are -1.
/// </summary>
public readonly record struct TapeGate(GateKind Kind, int Qubit0, int Qubit1 = -1, int Qubit2 = -1, int AngleIndex = -1)
{
    public override string ToString() => Kind.QubitCount() switch
    {
        1 => $"{Kind}(q{Qubit0})",
        2 => $"{Kind}(q{Qubit0}, q{Qubit1})",
        _ => $"{Kind}(q{Qubit0}, q{Qubit1}, q{Qubit2})",
    };
}
