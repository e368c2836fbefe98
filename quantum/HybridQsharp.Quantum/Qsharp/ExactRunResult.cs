namespace HybridQsharp.Quantum.Qsharp;

/// <summary>
/// ⟨Z_i⟩ per circuit from the exact simulator, and (on request) each final state as
/// interleaved [re, im] pairs in big-endian basis order.
/// </summary>
public sealed record ExactRunResult(double[][] Expectations, double[][]? States);
