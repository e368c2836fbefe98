namespace HybridQsharp.Host.Figures;

public enum CircuitOperationKind
{
    Unitary,
    Measurement,

    /// <summary>A qubit (re)prepared in |0⟩, e.g. when Q# releases it.</summary>
    Reset,

    /// <summary>A collapsed call (a Q# operation drawn as one box over the qubits it touches).</summary>
    Group,
}
