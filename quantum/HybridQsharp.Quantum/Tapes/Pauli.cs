namespace HybridQsharp.Quantum.Tapes;

/// <summary>A single-qubit Pauli operator, named as Q#'s Pauli type names them (PauliI, PauliX, …).</summary>
public enum Pauli
{
    I,
    X,
    Y,
    Z,
}
