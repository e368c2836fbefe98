namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// The gates of a lifted tape: how many, of which kind (as the QDK decomposed them into the
/// base profile), how many act on two or more qubits, and the depth: the number of layers
/// when each gate goes into the first layer after every earlier gate on any of its qubits.
/// </summary>
public sealed record GateSummary(int Total, IReadOnlyDictionary<string, int> ByKind, int MultiQubit, int Depth);
