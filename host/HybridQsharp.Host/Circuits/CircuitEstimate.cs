namespace HybridQsharp.Host.Circuits;

/// <summary>`circuit estimate --json`: the QDK resource estimate of one call of the classifier, one row per hardware profile.</summary>
public sealed record CircuitEstimate(string Operation, int Qubits, int? TestSample, IReadOnlyList<ResourceEstimates.Row> Profiles);
