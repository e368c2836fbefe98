namespace HybridQsharp.Quantum.Tapes;

/// <summary>One factor of a <see cref="PauliString"/>: a Pauli operator on a qubit.</summary>
public readonly record struct PauliFactor(int Qubit, Pauli Pauli);
