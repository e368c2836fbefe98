namespace HybridQsharp.Host.Figures;

/// <summary>One gate of a circuit diagram: the qubits it acts on, those controlling it, and its displayed arguments.</summary>
public sealed record CircuitOperation(
    CircuitOperationKind Kind, string Gate, IReadOnlyList<string> Arguments, IReadOnlyList<int> Targets, IReadOnlyList<int> Controls,
    bool IsAdjoint = false)
{
    public IEnumerable<int> Qubits => Targets.Concat(Controls);
}
