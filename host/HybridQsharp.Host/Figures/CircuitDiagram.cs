namespace HybridQsharp.Host.Figures;

/// <summary>A circuit as drawn: the qubit wires (by id) and the operations in program order.</summary>
public sealed record CircuitDiagram(IReadOnlyList<int> Qubits, IReadOnlyList<CircuitOperation> Operations);
