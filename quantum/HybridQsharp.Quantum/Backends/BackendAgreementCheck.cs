using HybridQsharp.Quantum.Memory;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>
/// Runs the same random circuits on two backends and fails if their ⟨Z_i⟩ differ by more than a
/// tolerance. The host does this before training so the fast simulator is known to compute the
/// circuit the Q# simulator computes, for this very tape.
/// </summary>
public static class BackendAgreementCheck
{
    /// <summary>
    /// The largest |difference| of ⟨Z_i⟩ over <paramref name="circuits"/> random parameter rows
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
            parameters[i] = (random.NextDouble() * 4 * Math.PI) - (2 * Math.PI);
        var angles = tape.EvaluateAngles(parameters, circuits);

        var expected = await reference.ExpectationsAsync(tape, angles, circuits, cancellationToken);
        var actual = await candidate.ExpectationsAsync(tape, angles, circuits, cancellationToken);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        if (!(worst <= tolerance))
            throw new BackendDisagreementException($"The {candidate.Name} backend disagrees with the {reference.Name} backend by {worst:E2} (tolerance {tolerance:E0}) on {circuits} random circuits of this tape.");
        return worst;
    }
}
