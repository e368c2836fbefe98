using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// Differentiates a tape three ways at random points over the training ranges: the parameter-shift
/// rule and adjoint differentiation (both exact, so they must agree to rounding) and central
/// differences of the backend's outputs (an independent estimate, off by O(step²) and by
/// rounding / step), and reports the worst deviation of each pair.
/// </summary>
public static class GradientCheck
{
    /// <summary>Parameter shift and adjoint are both exact: they differ by rounding only.</summary>
    public const double ExactTolerance = 1e-9;

    /// <summary>
    /// Central differences with step h err by h²/6 · |E'''| (below 1e-9 for the angles circuits use)
    /// plus about 1e-16 / h of rounding.
    /// </summary>
    public const double CentralTolerance = 1e-6;

    public const double DefaultStep = 1e-5;

    public const string ParameterShiftName = "parameter shift";

    public const string AdjointName = "adjoint";

    public const string CentralName = "central differences";

    public static async Task<GradientCheckResult> RunAsync(
        ClassifierCircuit circuit, CircuitTape tape, IQuantumBackend backend, IGradientMethod parameterShift, IGradientMethod adjoint,
        int points = 3, double step = DefaultStep, int seed = 20_260_501, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var parameters = Enumerable.Range(0, points).SelectMany(_ => circuit.RandomPoint(random)).ToArray();

        var shift = await parameterShift.JacobianAsync(tape, backend, parameters, points, cancellationToken);
        var exact = await adjoint.JacobianAsync(tape, backend, parameters, points, cancellationToken);
        var central = await CentralDifferencesAsync(tape, backend, parameters, points, step, cancellationToken);

        var summary = new GradientCheckSummary(points, step,
        [
            Compare(ParameterShiftName, shift.Jacobian, AdjointName, exact.Jacobian, ExactTolerance, tape, circuit),
            Compare(ParameterShiftName, shift.Jacobian, CentralName, central, CentralTolerance, tape, circuit),
            Compare(AdjointName, exact.Jacobian, CentralName, central, CentralTolerance, tape, circuit),
        ]);
        return new GradientCheckResult(parameters, shift, exact, central, summary);
    }

    /// <summary>(E(p + h e_k) - E(p - h e_k)) / 2h for every parameter k, all shifted rows in one backend call.</summary>
    public static async Task<double[]> CentralDifferencesAsync(
        CircuitTape tape, IQuantumBackend backend, double[] parameters, int circuits, double step, CancellationToken cancellationToken = default)
    {
        var p = tape.ParameterCount;
        var rows = new double[circuits * 2 * p * p];
        for (var c = 0; c < circuits; c++)
        {
            for (var k = 0; k < p; k++)
            {
                var plus = rows.AsSpan(((c * 2 * p) + (2 * k)) * p, p);
                var minus = rows.AsSpan(((c * 2 * p) + (2 * k) + 1) * p, p);
                parameters.AsSpan(c * p, p).CopyTo(plus);
                parameters.AsSpan(c * p, p).CopyTo(minus);
                plus[k] += step;
                minus[k] -= step;
            }
        }

        var count = circuits * 2 * p;
        var expectations = await backend.ExpectationsAsync(tape, tape.EvaluateAngles(rows, count), count, cancellationToken);
        var outputs = tape.OutputCount;
        var jacobian = new double[circuits * outputs * p];
        for (var c = 0; c < circuits; c++)
        {
            for (var k = 0; k < p; k++)
            {
                var plus = ((c * 2 * p) + (2 * k)) * outputs;
                var minus = plus + outputs;
                for (var o = 0; o < outputs; o++)
                {
                    jacobian[(((c * outputs) + o) * p) + k] = (expectations[plus + o] - expectations[minus + o]) / (2 * step);
                }
            }
        }

        return jacobian;
    }

    private static GradientDeviation Compare(
        string firstName, double[] first, string secondName, double[] second, double tolerance, CircuitTape tape, ClassifierCircuit circuit)
    {
        var worst = 0.0;
        var at = 0;
        for (var i = 0; i < first.Length; i++)
        {
            var deviation = Math.Abs(first[i] - second[i]);
            if (deviation > worst || double.IsNaN(deviation))
            {
                (worst, at) = (deviation, i);
                if (double.IsNaN(deviation))
                {
                    break;
                }
            }
        }

        var parameter = at % tape.ParameterCount;
        var output = at / tape.ParameterCount % tape.OutputCount;
        return new GradientDeviation(
            firstName, secondName, worst, tape.Observables[output].ToString(), circuit.ParameterName(parameter), tolerance);
    }
}
