using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Lifting;

/// <summary>
/// Compares a classifier's ORIGINAL Q# operation, run by the Q# simulator (classical control
/// flow and all), with a tape run by the native simulator, state by state. States are compared
/// up to a global phase, which no measurement sees and which the QIR decomposition may change.
/// </summary>
public static class OperationComparison
{
    /// <summary>Registers up to this size are compared state by state; larger ones by ⟨Z_i⟩, as their states are too large to ship.</summary>
    public const int MaxStateQubits = 12;

    /// <summary>
    /// For each parameter point, max |ψ_tape[i] - e^{iφ} ψ_op[i]| over the amplitudes, with φ the
    /// phase that best aligns the two states (the argument of ⟨ψ_op|ψ_tape⟩); above
    /// <see cref="MaxStateQubits"/> qubits, max |⟨Z_i⟩_tape - ⟨Z_i⟩_op| instead.
    /// </summary>
    public static async Task<double[]> StateDistancesAsync(
        QsharpRuntime runtime, ClassifierCircuit circuit, CircuitTape tape, IReadOnlyList<double[]> points,
        CancellationToken cancellationToken = default)
    {
        if (tape.Qubits != circuit.Qubits || tape.ParameterCount != circuit.ParameterCount)
        {
            throw new ArgumentException(
                $"The tape ({tape.Qubits} qubits, {tape.ParameterCount} parameters) cannot be {circuit.Operation}'s " +
                $"({circuit.Qubits} qubits, {circuit.ParameterCount} parameters).",
                nameof(tape));
        }

        var arguments = points.Select(p => circuit.Arguments(p)).ToList();
        var byState = tape.Qubits <= MaxStateQubits;
        var result = await runtime.ExpectationsAsync(
            circuit.Program, circuit.Operation, circuit.Qubits, arguments, includeStates: byState, cancellationToken: cancellationToken);
        var state = new StateVector(tape.Qubits);
        var distances = new double[points.Count];
        for (var c = 0; c < points.Count; c++)
        {
            StateVectorSimulator.Run(tape, tape.EvaluateAngles(points[c], 1), state);
            distances[c] = byState
                ? PhaseAlignedDistance(state, result.States![c])
                : Enumerable.Range(0, tape.Qubits).Max(q => Math.Abs(state.ExpectationZ(q) - result.Expectations[c][q]));
        }

        return distances;
    }

    /// <summary>The same distance between a native state and a state as the Q# runtime returns it (re, im interleaved).</summary>
    public static double PhaseAlignedDistance(StateVector state, IReadOnlyList<double> interleaved)
    {
        if (interleaved.Count != 2 * state.Dimension)
        {
            throw new ArgumentException($"Expected {state.Dimension} amplitudes, got {interleaved.Count / 2}.", nameof(interleaved));
        }

        // ⟨op|tape⟩ = Σ conj(op_i) tape_i; multiplying op by its phase aligns op with tape.
        double overlapRe = 0, overlapIm = 0;
        for (var i = 0; i < state.Dimension; i++)
        {
            double opRe = interleaved[2 * i], opIm = interleaved[(2 * i) + 1];
            overlapRe += (opRe * state.Re[i]) + (opIm * state.Im[i]);
            overlapIm += (opRe * state.Im[i]) - (opIm * state.Re[i]);
        }

        var magnitude = Math.Sqrt((overlapRe * overlapRe) + (overlapIm * overlapIm));
        double phaseRe = magnitude > 0 ? overlapRe / magnitude : 1, phaseIm = magnitude > 0 ? overlapIm / magnitude : 0;
        var worst = 0.0;
        for (var i = 0; i < state.Dimension; i++)
        {
            double opRe = interleaved[2 * i], opIm = interleaved[(2 * i) + 1];
            var alignedRe = (opRe * phaseRe) - (opIm * phaseIm);
            var alignedIm = (opRe * phaseIm) + (opIm * phaseRe);
            var dRe = state.Re[i] - alignedRe;
            var dIm = state.Im[i] - alignedIm;
            worst = Math.Max(worst, Math.Sqrt((dRe * dRe) + (dIm * dIm)));
        }

        return worst;
    }
}
