using HybridQsharp.Host.Circuits.Checks;

namespace HybridQsharp.Host.Circuits;

/// <summary>What `circuit draw` wrote, as `--json` prints it: the files, the tape's gates, and the resource estimate when asked for.</summary>
public sealed record CircuitDrawing(
    string Operation, int Qubits, int? TestSample, int? Label, CircuitDrawingFiles Files, GateSummary Gates,
    IReadOnlyList<ResourceEstimates.Row>? Estimate);

