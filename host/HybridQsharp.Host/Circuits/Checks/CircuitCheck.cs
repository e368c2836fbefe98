using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// The circuit workbench's check: lifts a classifier as training would, then reports its tape
/// (gates, depth, parametric rotations, affine map), the native simulator's agreement with the Q#
/// simulator running the ORIGINAL operation, and a gradient check, without training anything.
/// </summary>
public sealed class CircuitCheck(QsharpRuntime runtime, TapeLifter lifter, IQuantumBackend native, IGradientMethod parameterShift,
    IGradientMethod adjoint)
{
    /// <summary>Points at which the outputs are compared (as before training).</summary>
    public const int OutputPoints = 16;

    /// <summary>Points at which the three gradients are compared.</summary>
    public const int GradientPoints = 3;

    // Not the lifter's seed: the states are compared at points the lift was not verified at.
    private const int Seed = 20_260_502;

    /// <summary>The check on the host's native backend and its registered parameter-shift and adjoint methods.</summary>
    public static CircuitCheck FromServices(IServiceProvider services)
    {
        var native = services.GetRequiredKeyedService<IQuantumBackend>("native");
        IGradientMethod Create(string key) => services.GetRequiredKeyedService<IGradientMethod>(key);
        return new CircuitCheck(
            services.GetRequiredService<QsharpRuntime>(), services.GetRequiredService<TapeLifter>(), native, Create("parameter-shift"),
            Create("adjoint"));
    }

    /// <param name="circuit">The classifier with its shape, as <c>QuantumCircuitPreparation.CircuitAsync</c> returns it.</param>
    /// <param name="layers">The layers its shape function was evaluated for (reported only).</param>
    public async Task<CircuitCheckReport> RunAsync(ClassifierCircuit circuit, int layers, CancellationToken cancellationToken = default)
    {
        var report = new CircuitCheckReport(circuit.Operation, circuit.Qubits, layers, Shape(circuit));
        CircuitTape tape;
        try
        {
            tape = await lifter.LiftAsync(circuit, cancellationToken);
        }
        catch (TapeLiftingException e)
        {
            return report with { Refusal = e.Message };
        }

        var random = new Random(Seed);
        var points = Enumerable.Range(0, TapeLifter.VerificationPoints(circuit.Qubits)).Select(_ => circuit.RandomPoint(random)).ToList();
        var distances = await OperationComparison.StateDistancesAsync(runtime, circuit, tape, points, cancellationToken);

        var notRun = new List<string>();
        double? outputs = null;
        try
        {
            // Infinite tolerance: the number is reported and judged here, not thrown.
            outputs = await BackendAgreementCheck.VerifyAsync(
                circuit, tape, runtime, native, OutputPoints, double.PositiveInfinity, Seed, cancellationToken);
        }
        catch (NotSupportedException e)
        {
            notRun.Add($"outputs: {e.Message}");
        }

        GradientCheckSummary? gradients = null;
        if (tape.ParameterCount == 0)
        {
            notRun.Add("gradients: the circuit has no parameters");
        }
        else
        {
            try
            {
                var check = await GradientCheck.RunAsync(
                    circuit, tape, native, parameterShift, adjoint, GradientPoints, seed: Seed, cancellationToken: cancellationToken);
                gradients = check.Summary;
            }
            catch (NotSupportedException e)
            {
                notRun.Add($"gradients: {e.Message}");
            }
        }

        return report with
        {
            Gates = TapeStatistics.Gates(tape),
            ParametricGates = TapeStatistics.ParametricGates(tape, circuit),
            AffineMap = TapeStatistics.AffineMap(tape, circuit),
            Agreement = new AgreementSummary(
                points.Count,
                tape.Qubits <= OperationComparison.MaxStateQubits ? "states up to a global phase" : "⟨Z_i⟩ of each qubit",
                distances.Max(),
                OutputPoints,
                outputs,
                TapeLifter.StateTolerance),
            Gradients = gradients,
            NotRun = notRun,
        };
    }

    private static ShapeSummary Shape(ClassifierCircuit circuit) => new(
        circuit.FeatureCount,
        circuit.WeightCount,
        [circuit.FeatureRange.Min, circuit.FeatureRange.Max],
        [ParameterRange.Weights.Min, ParameterRange.Weights.Max],
        circuit.Observables.Select(o => o.ToString()).ToList());
}
