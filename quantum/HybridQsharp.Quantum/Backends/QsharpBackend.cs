using System.Runtime.CompilerServices;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>
/// Every evaluation executed by the Q# simulator (qsharp-lang): the tape's gates, as the Q#
/// compiler emitted them, run as Q# with each circuit's angles. Slow and faithful; used to
/// check the native simulator and to train on the real toolchain when that is the point.
/// </summary>
public sealed class QsharpBackend(QsharpRuntime runtime, int circuitsPerRequest = 2000) : IQuantumBackend
{
    private readonly ConditionalWeakTable<CircuitTape, QsharpProgram> _programs = new();

    public string Name => "qsharp";

    public async ValueTask<double[]> ExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, CancellationToken cancellationToken = default)
    {
        tape.RequireZOnEachObservables("The Q# backend");
        var program = _programs.GetValue(tape, TapeQsharpEmitter.Emit);
        var expectations = new double[circuits * tape.Qubits];
        for (var first = 0; first < circuits; first += circuitsPerRequest)
        {
            var count = Math.Min(circuitsPerRequest, circuits - first);
            var rows = Enumerable.Range(first, count)
                .Select(c => new[] { angles.Slice(c * tape.AngleCount, tape.AngleCount).ToArray() })
                .ToList();
            var result = await runtime.ExpectationsAsync(program, TapeQsharpEmitter.Operation, tape.Qubits, rows, cancellationToken: cancellationToken);
            for (var c = 0; c < count; c++)
            {
                result.Expectations[c].CopyTo(expectations, (first + c) * tape.Qubits);
            }
        }

        return expectations;
    }
}
