using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Memory;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>
/// Compares what a backend computes for a tape with a reference, on random circuits, and fails
/// if they differ by more than a tolerance. The host does this before training: against the Q#
/// simulator running the classifier's ORIGINAL operation, so the fast simulator is known to
/// compute the user's circuit, not merely the tape that was lifted from it.
/// </summary>
public static class BackendAgreementCheck
{
    /// <summary>
    /// The largest |difference| between <paramref name="candidate"/> running <paramref name="tape"/> and the Q#
    /// simulator running <paramref name="circuit"/>'s original operation, over the tape's observables, at
    /// <paramref name="circuits"/> points drawn from the parameters' training ranges.
    /// </summary>
    /// <exception cref="BackendDisagreementException">The difference exceeds <paramref name="tolerance"/>.</exception>
    public static async Task<double> VerifyAsync(ClassifierCircuit circuit, CircuitTape tape, QsharpRuntime runtime, IQuantumBackend candidate,
        int circuits = 16, double tolerance = 1e-9, int seed = 20240611, CancellationToken cancellationToken = default)
    {
        if (tape.Qubits != circuit.Qubits || tape.ParameterCount != circuit.ParameterCount)
        {
            throw new BackendDisagreementException(
                $"The tape ({tape.Qubits} qubits, {tape.ParameterCount} parameters) is not {circuit.Operation}'s " +
                $"({circuit.Qubits} qubits, {circuit.ParameterCount} parameters).");
        }

        var random = new Random(seed);
        var points = Enumerable.Range(0, circuits).Select(_ => circuit.RandomPoint(random)).ToList();
        var parameters = points.SelectMany(p => p).ToArray();
        var actual = await candidate.ExpectationsAsync(tape, tape.EvaluateAngles(parameters, circuits), circuits, cancellationToken);
        var arguments = points.Select(p => circuit.Arguments(p)).ToList();
        // ⟨Z_i⟩ come from the runtime directly; other observables from the states it returns.
        var byState = !tape.HasZOnEachObservables;
        var reference = await runtime.ExpectationsAsync(
            circuit.Program, circuit.Operation, circuit.Qubits, arguments, includeStates: byState, cancellationToken: cancellationToken);

        var outputs = tape.OutputCount;
        var worst = 0.0;
        for (var c = 0; c < circuits; c++)
        {
            for (var o = 0; o < outputs; o++)
            {
                var expected = byState ? PauliExpectation.Of(tape.Observables[o], reference.States![c], tape.Qubits) : reference.Expectations[c][o];
                worst = Math.Max(worst, Math.Abs(expected - actual[(c * outputs) + o]));
            }
        }

        if (!(worst <= tolerance))
        {
            throw new BackendDisagreementException(
                $"The {candidate.Name} backend running the lifted tape disagrees with the Q# simulator running {circuit.Operation} by {worst:E2} " +
                $"(tolerance {tolerance:E0}) on {circuits} random circuits: the tape does not compute this operation.");
        }

        return worst;
    }

    /// <summary>
    /// The largest |difference| of ⟨Z_i⟩ between two backends running the same tape on <paramref name="circuits"/> random parameter rows
    /// (fewer on large registers: <see cref="MemoryEstimate.AgreementCircuitsFor"/>).
    /// </summary>
    /// <exception cref="BackendDisagreementException">The difference exceeds <paramref name="tolerance"/>.</exception>
    public static async Task<double> VerifyAsync(CircuitTape tape, IQuantumBackend reference, IQuantumBackend candidate,
        int circuits = 16, double tolerance = 1e-9, int seed = 20240611, CancellationToken cancellationToken = default)
    {
        // The Q# simulator's time and each state dump grow as 2ⁿ: large registers get fewer circuits (one from 18 qubits).
        circuits = MemoryEstimate.AgreementCircuitsFor(tape.Qubits, circuits);
        var random = new Random(seed);
        var parameters = new double[circuits * tape.ParameterCount];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = (random.NextDouble() * 4 * Math.PI) - (2 * Math.PI);
        }

        var angles = tape.EvaluateAngles(parameters, circuits);

        var expected = await reference.ExpectationsAsync(tape, angles, circuits, cancellationToken);
        var actual = await candidate.ExpectationsAsync(tape, angles, circuits, cancellationToken);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        if (!(worst <= tolerance))
        {
            throw new BackendDisagreementException(
                $"The {candidate.Name} backend disagrees with the {reference.Name} backend by {worst:E2} (tolerance {tolerance:E0}) " +
                $"on {circuits} random circuits of this tape.");
        }

        return worst;
    }
}
