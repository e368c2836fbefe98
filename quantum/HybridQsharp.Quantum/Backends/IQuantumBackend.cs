using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>
/// Executes a tape for many circuits at once. A circuit is a row of gate angles (the tape's
/// <see cref="CircuitTape.AngleCount"/> of them), so forward passes and parameter-shifted
/// evaluations are the same request: a gradient method sends all of a batch's rows in one call.
/// </summary>
public interface IQuantumBackend
{
    string Name { get; }

    /// <summary>Expectations of the tape's observables per circuit, circuits × <see cref="CircuitTape.OutputCount"/>, row-major.</summary>
    ValueTask<double[]> ExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits,
        CancellationToken cancellationToken = default);
}
