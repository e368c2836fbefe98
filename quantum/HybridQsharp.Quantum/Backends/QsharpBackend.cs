using System.Numerics;
using System.Runtime.CompilerServices;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>
/// Every evaluation executed by the Q# simulator (qsharp-lang): the tape's gates, as the Q#
/// compiler emitted them, run as Q# with each circuit's angles. Slow and faithful; used to
/// check the native simulator and to train on the real toolchain when that is the point.
/// Observables other than Z on each qubit are measured as hardware would: the observables are
/// grouped into shared bases, each group's basis change is appended to the emitted circuit, and
/// each observable is the Z-parity of its qubits in the state the Q# simulator dumps.
/// </summary>
public sealed class QsharpBackend(QsharpRuntime runtime, int circuitsPerRequest = 2000) : IQuantumBackend
{
    private readonly ConditionalWeakTable<CircuitTape, QsharpProgram> _programs = new();
    private readonly ConditionalWeakTable<CircuitTape, Dictionary<string, QsharpProgram>> _basisPrograms = new();

    public string Name => "qsharp";

    public async ValueTask<double[]> ExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits,
        CancellationToken cancellationToken = default)
    {
        var outputs = tape.OutputCount;
        var expectations = new double[circuits * outputs];
        if (tape.HasZOnEachObservables)
        {
            var program = _programs.GetValue(tape, TapeQsharpEmitter.Emit);
            for (var first = 0; first < circuits; first += circuitsPerRequest)
            {
                var count = Math.Min(circuitsPerRequest, circuits - first);
                var result = await runtime.ExpectationsAsync(program, TapeQsharpEmitter.Operation, tape.Qubits, Rows(tape, angles, first, count),
                    cancellationToken: cancellationToken);
                for (var c = 0; c < count; c++)
                {
                    result.Expectations[c].CopyTo(expectations, (first + c) * outputs);
                }
            }

            return expectations;
        }

        foreach (var (basis, members) in MeasurementBasis.Group(tape.Observables, tape.Qubits))
        {
            var program = ProgramFor(tape, basis);
            var parities =
                members.Select(o => tape.Observables[o].Factors.Aggregate(0, (mask, f) => mask | (1 << (tape.Qubits - 1 - f.Qubit)))).ToArray();
            for (var first = 0; first < circuits; first += circuitsPerRequest)
            {
                var count = Math.Min(circuitsPerRequest, circuits - first);
                var result = await runtime.ExpectationsAsync(program, TapeQsharpEmitter.Operation, tape.Qubits, Rows(tape, angles, first, count),
                    includeStates: true, cancellationToken: cancellationToken);
                for (var c = 0; c < count; c++)
                {
                    var state = result.States![c];
                    for (var m = 0; m < members.Length; m++)
                    {
                        expectations[((first + c) * outputs) + members[m]] = Parity(state, parities[m]);
                    }
                }
            }
        }

        return expectations;
    }

    private QsharpProgram ProgramFor(CircuitTape tape, MeasurementBasis basis)
    {
        var programs = _basisPrograms.GetValue(tape, _ => []);
        lock (programs)
        {
            if (!programs.TryGetValue(basis.Key, out var program))
            {
                program = TapeQsharpEmitter.Emit(tape, basis);
                programs[basis.Key] = program;
            }

            return program;
        }
    }

    private static List<double[][]> Rows(CircuitTape tape, ReadOnlyMemory<double> angles, int first, int count) =>
        Enumerable.Range(first, count).Select(c => new[] { angles.Slice(c * tape.AngleCount, tape.AngleCount).ToArray() }).ToList();

    // ⟨Z-parity of the masked bits⟩ = Σ_i (−1)^popcount(i & mask) |ψ_i|², the state as interleaved re, im.
    private static double Parity(double[] state, int mask)
    {
        var sum = 0.0;
        for (var i = 0; i < state.Length / 2; i++)
        {
            var p = (state[2 * i] * state[2 * i]) + (state[(2 * i) + 1] * state[(2 * i) + 1]);
            sum += (BitOperations.PopCount((uint)(i & mask)) & 1) == 0 ? p : -p;
        }

        return sum;
    }
}
