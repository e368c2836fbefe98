using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Memory;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridQsharp.Quantum.Lifting;

/// <summary>
/// Lifts a Q# classifier to a parametric tape and verifies it against the original operation.
/// The Q# compiler folds all classical arithmetic into literal angles when it emits base-profile
/// QIR, so compiling at a base probe and at one probe per parameter (that parameter moved by δ)
/// reveals each angle's affine coefficients by finite differences, which are exact for affine
/// maps. The QIR at random points over the parameters' training ranges then checks structure and
/// fit, and the Q# simulator running the ORIGINAL operation (branches and all) is compared with
/// the native simulator running the tape at many more random points over those ranges. Anything
/// whose structure moves with a parameter, whose angles are not affine, that reads past its
/// declared arrays or declares parameters it never uses is refused with the parameter named.
/// Tapes are cached by a hash of the sources.
/// </summary>
public sealed partial class TapeLifter
{
    /// <summary>Points, over the training ranges, at which the QIR's gate structure and angles are compared with the tape.</summary>
    public const int StructureCheckPoints = 2;

    /// <summary>Points at which the original operation's state is compared with the tape's, for registers of up to 8 qubits.</summary>
    public const int MaxVerificationPoints = 256;

    /// <summary>State distance (per amplitude, up to global phase) above which the tape is not the operation.</summary>
    public const double StateTolerance = 1e-9;

    private const double Step = 0.25;
    private const double ZeroCoefficient = 1e-12;
    private const double FitTolerance = 1e-9;
    private const int MinVerificationPoints = 16;
    private const int VerificationAmplitudeBudget = 1 << 16;
    private const int Seed = 20_260_401;

    private readonly QsharpRuntime _runtime;
    private readonly ILogger<TapeLifter> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<CircuitTape>>> _cache = new();

    public TapeLifter(QsharpRuntime runtime, ILogger<TapeLifter>? logger = null)
    {
        _runtime = runtime;
        _logger = logger ?? NullLogger<TapeLifter>.Instance;
    }

    /// <summary>
    /// Random points at which a lift of a <paramref name="qubits"/>-qubit circuit is verified against the
    /// operation: 256 up to 8 qubits, then halving with each qubit (the states grow), at least 16.
    /// </summary>
    public static int VerificationPoints(int qubits) =>
        Math.Clamp(VerificationAmplitudeBudget >> Math.Min(qubits, 30), MinVerificationPoints, MaxVerificationPoints);

    /// <summary>What lifting may use; a classifier whose P + 3 compilations need more is refused before any is made.</summary>
    public MemoryBudget MemoryBudget { get; set; } = MemoryBudget.Default;

    public Task<CircuitTape> LiftAsync(ClassifierCircuit circuit, CancellationToken cancellationToken = default)
    {
        var key = $"{circuit.Program.ContentHash}|{circuit.Operation}|{circuit.Qubits}|{circuit.FeatureCount}|{circuit.WeightCount}|" +
                  $"{circuit.FeatureRange}|{string.Join(',', circuit.Observables)}";
        var entry = _cache.GetOrAdd(key, _ => new Lazy<Task<CircuitTape>>(() => LiftUncachedAsync(circuit, cancellationToken)));
        var task = entry.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failure is not a result: let the next caller try again.
            _cache.TryRemove(new KeyValuePair<string, Lazy<Task<CircuitTape>>>(key, entry));
        }

        return task;
    }

    private async Task<CircuitTape> LiftUncachedAsync(ClassifierCircuit circuit, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        RequireLiftFits(circuit);
        await ClassifierContract.VerifyAsync(_runtime, circuit, cancellationToken);
        var parameterCount = circuit.ParameterCount;
        var random = new Random(Seed);
        var basePoint = Enumerable.Range(0, parameterCount).Select(_ => 0.2 + random.NextDouble()).ToArray();
        var checkPoints = Enumerable.Range(0, StructureCheckPoints).Select(_ => circuit.RandomPoint(random)).ToArray();

        var probes = new List<double[]>(parameterCount + StructureCheckPoints + 1) { basePoint };
        for (var k = 0; k < parameterCount; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            probes.Add(Moved(basePoint, k, Step));
        }

        probes.AddRange(checkPoints);

        var gateLists = await CompileAsync(circuit, probes, cancellationToken);
        var baseGates = gateLists[0];
        for (var k = 0; k < parameterCount; k++)
        {
            if (StructureDifference(baseGates, gateLists[1 + k]) is { } difference)
            {
                throw StructureError(circuit, difference, [circuit.ParameterName(k)]);
            }
        }

        for (var c = 0; c < checkPoints.Length; c++)
        {
            if (StructureDifference(baseGates, gateLists[1 + parameterCount + c]) is { } difference)
            {
                // Only on failure: move one parameter at a time to the check point to find which one it was.
                var single = Enumerable.Range(0, parameterCount).Select(k => Moved(basePoint, k, checkPoints[c][k] - basePoint[k])).ToList();
                var singleGates = await CompileAsync(circuit, single, cancellationToken);
                var culprits = Enumerable.Range(0, parameterCount)
                    .Where(k => StructureDifference(baseGates, singleGates[k]) is not null)
                    .Select(circuit.ParameterName)
                    .ToList();
                throw StructureError(circuit, difference, culprits);
            }
        }

        var tape = BuildTape(circuit, baseGates, basePoint, gateLists);
        for (var c = 0; c < checkPoints.Length; c++)
        {
            if (FirstMisfit(tape, checkPoints[c], gateLists[1 + parameterCount + c]) is { } misfit)
            {
                throw await NonAffineErrorAsync(circuit, tape, basePoint, checkPoints[c], misfit, cancellationToken);
            }
        }

        var compiled = started.ElapsedMilliseconds;
        var verification = Enumerable.Range(0, VerificationPoints(circuit.Qubits)).Select(_ => circuit.RandomPoint(random)).ToList();
        var distances = await OperationComparison.StateDistancesAsync(_runtime, circuit, tape, verification, cancellationToken);
        var worst = Array.IndexOf(distances, distances.Max());
        if (!(distances[worst] <= StateTolerance))
        {
            throw await MismatchErrorAsync(circuit, tape, baseGates, basePoint, verification[worst], distances[worst], cancellationToken);
        }

        if (UnusedParametersError(circuit, tape) is { } unused)
        {
            throw unused;
        }

        _logger.LogInformation(
            "Lifted {Operation} to a tape of {Gates} gates ({Rotations} parametric) in {Ms} ms: {Probes} QIR compilations ({CompileMs} ms), " +
            "states equal to the Q# simulator's run of the operation at {Points} random points (worst {Worst:E1})",
            circuit.Operation, tape.Gates.Count, tape.AngleCount, started.ElapsedMilliseconds, probes.Count, compiled, verification.Count,
            distances[worst]);
        return tape;
    }

    private static CircuitTape BuildTape(
        ClassifierCircuit circuit, IReadOnlyList<QirGate> baseGates, double[] basePoint, List<IReadOnlyList<QirGate>> gateLists)
    {
        var gates = new List<TapeGate>(baseGates.Count);
        var angles = new List<AffineAngle>();
        for (var g = 0; g < baseGates.Count; g++)
        {
            var gate = baseGates[g];
            if (!gate.Kind.IsRotation())
            {
                gates.Add(ToTapeGate(gate, -1));
                continue;
            }

            var indices = new List<int>();
            var coefficients = new List<double>();
            for (var k = 0; k < circuit.ParameterCount; k++)
            {
                var coefficient = Snapped((gateLists[1 + k][g].Angle - gate.Angle) / Step);
                if (Math.Abs(coefficient) > ZeroCoefficient)
                {
                    indices.Add(k);
                    coefficients.Add(coefficient);
                }
            }

            var constant = gate.Angle - indices.Select((k, t) => coefficients[t] * basePoint[k]).Sum();
            gates.Add(ToTapeGate(gate, angles.Count));
            angles.Add(new AffineAngle(constant, [.. indices], [.. coefficients]));
        }

        return new CircuitTape(circuit.Qubits, circuit.ParameterCount, gates, angles, circuit.Observables);
    }

    // Every parameter moves at least one gate, so P + 3 compilations of at least P gates each are a lower bound.
    private void RequireLiftFits(ClassifierCircuit circuit)
    {
        var need = MemoryEstimate.Sum(MemoryEstimate.BaselineBytes,
            MemoryEstimate.Lift(QuantumWorkload.LowerBound(circuit, 1, 1, GradientKind.ParameterShift, BackendKind.Native)));
        if (need > MemoryBudget.Bytes)
        {
            throw new MemoryBudgetExceededException(
                $"Lifting {circuit.Operation} ({circuit.Qubits} qubits, {circuit.ParameterCount:N0} parameters) " +
                $"takes {circuit.ParameterCount + 3L:N0} QIR compilations " +
                $"and at least about {MemoryBudget.Format(need)}, more than the memory budget of {MemoryBudget}.");
        }
    }

    private async Task<List<IReadOnlyList<QirGate>>> CompileAsync(
        ClassifierCircuit circuit, List<double[]> probes, CancellationToken cancellationToken)
    {
        try
        {
            return await CompileUncheckedAsync(circuit, probes.Select(p => circuit.Arguments(p)).ToList(), cancellationToken);
        }
        catch (QsharpCompilationException e) when (IndexOutOfRange(e) is { } index)
        {
            throw await ReadsPastErrorAsync(circuit, probes[0], index, e, cancellationToken);
        }
    }

    private async Task<List<IReadOnlyList<QirGate>>> CompileUncheckedAsync(
        ClassifierCircuit circuit, List<double[][]> arguments, CancellationToken cancellationToken)
    {
        var qir = await _runtime.QirAsync(circuit.Program, circuit.Operation, circuit.Qubits, arguments, cancellationToken);
        var gateLists = qir.Select(QirGateReader.Read).ToList();
        foreach (var gate in gateLists.SelectMany(g => g))
        {
            if (gate.Qubits.FirstOrDefault(q => q >= circuit.Qubits, -1) is var outside and >= 0)
            {
                throw new TapeLiftingException(
                    $"Cannot lift {circuit.Operation}: {gate} (QIR line {gate.Line}) acts on qubit {outside}, " +
                    $"outside its {circuit.Qubits}-qubit register; " +
                    "a classifier acts on the register it is given only (no qubits of its own, no measurements, " +
                    "which the base profile makes through extra qubits).");
            }
        }

        return gateLists;
    }

    private static int? IndexOutOfRange(QsharpCompilationException e) =>
        e.Diagnostics.Select(d => IndexError().Match(d.Message)).FirstOrDefault(m => m.Success) is { } match
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    // Only on failure: lengthen one array at a time to learn which of the two the operation reads past.
    private async Task<TapeLiftingException> ReadsPastErrorAsync(
        ClassifierCircuit circuit, double[] point, int index, QsharpCompilationException error, CancellationToken cancellationToken)
    {
        var arguments = circuit.Arguments(point);
        var arrays = new[]
        {
            (Name: "weights", Position: 1, Count: circuit.WeightCount),
            (Name: "features", Position: 0, Count: circuit.FeatureCount),
        };
        foreach (var array in arrays.Where(a => index >= a.Count))
        {
            var lengthened = (double[][])arguments.Clone();
            lengthened[array.Position] = [.. arguments[array.Position], .. new double[index + 1 - array.Count]];
            try
            {
                await CompileUncheckedAsync(circuit, [lengthened], cancellationToken);
            }
            catch (QsharpCompilationException e) when (IndexOutOfRange(e) == index)
            {
                continue;
            }
            catch (QsharpException)
            {
                // It got past that index: this was the array, even if something else fails later.
            }

            return new TapeLiftingException(
                $"{circuit.Operation} reads {array.Name}[{index}] but declares {array.Count} {array.Name} ({Declared(array.Name, array.Count)}): " +
                "make its shape function declare what the operation reads.");
        }

        var where = error.Diagnostics.FirstOrDefault(d => IndexError().IsMatch(d.Message));
        return new TapeLiftingException(
            $"{circuit.Operation} reads index {index} past the end of an array (not features or weights: {circuit.Qubits} qubits?) " +
            $"at {where?.File}:{where?.Line}:{where?.Column}.");
    }

    private static string Declared(string name, int count) => count switch
    {
        0 => "none",
        1 => $"{name}[0]",
        _ => $"{name}[0] … {name}[{count - 1}]",
    };

    private static TapeLiftingException? UnusedParametersError(ClassifierCircuit circuit, CircuitTape tape)
    {
        var used = new bool[circuit.ParameterCount];
        foreach (var angle in tape.Angles)
        {
            foreach (var k in angle.ParameterIndices)
            {
                used[k] = true;
            }
        }

        var clauses = new List<string>();
        var unusedFeatures = Enumerable.Range(0, circuit.FeatureCount).Where(k => !used[k]).ToList();
        if (unusedFeatures.Count > 0)
        {
            clauses.Add($"declares {circuit.FeatureCount} features but never uses {Names(circuit, unusedFeatures)}");
        }

        var unusedWeights = Enumerable.Range(circuit.FeatureCount, circuit.WeightCount).Where(k => !used[k]).ToList();
        if (unusedWeights.Count > 0)
        {
            clauses.Add($"declares {circuit.WeightCount} weights but never uses {Names(circuit, unusedWeights)}");
        }

        return clauses.Count == 0
            ? null
            : new TapeLiftingException(
                $"{circuit.Operation} {string.Join(", and ", clauses)} (no gate angle depends on them): declare only what the circuit reads.");
    }

    private static string Names(ClassifierCircuit circuit, List<int> parameters) =>
        parameters.Count <= 8
            ? string.Join(", ", parameters.Select(circuit.ParameterName))
            : $"{string.Join(", ", parameters.Take(6).Select(circuit.ParameterName))}, … " +
              $"{circuit.ParameterName(parameters[^1])} ({parameters.Count} in all)";

    // Only on failure: the QIR at the failing point tells structure from angles, and moving one
    // parameter at a time from the base point to it names the parameter.
    private async Task<TapeLiftingException> MismatchErrorAsync(
        ClassifierCircuit circuit, CircuitTape tape, IReadOnlyList<QirGate> baseGates, double[] basePoint, double[] failing, double distance,
        CancellationToken cancellationToken)
    {
        var single = Enumerable.Range(0, circuit.ParameterCount).Select(k => Moved(basePoint, k, failing[k] - basePoint[k])).ToList();
        var singleDistances = await OperationComparison.StateDistancesAsync(_runtime, circuit, tape, single, cancellationToken);
        var culprits = Enumerable.Range(0, circuit.ParameterCount)
            .Where(k => !(singleDistances[k] <= StateTolerance))
            .Select(circuit.ParameterName)
            .ToList();
        var failingGates = (await CompileAsync(circuit, [failing], cancellationToken))[0];
        if (StructureDifference(baseGates, failingGates) is { } difference)
        {
            return StructureError(circuit, difference, culprits);
        }

        if (FirstMisfit(tape, failing, failingGates) is { } misfit)
        {
            return await NonAffineErrorAsync(circuit, tape, basePoint, failing, misfit, cancellationToken);
        }

        var which = culprits.Count > 0 ? $"when {string.Join(", ", culprits)} changes" : "when its parameters change jointly";
        return new TapeLiftingException(
            $"Cannot lift {circuit.Operation}: its state at random parameters differs from the tape's by {distance:E2} {which}, " +
            "with the same gates in its QIR; an angle is not an affine function of the parameters over their training range. " +
            "Compute non-linear functions of the parameters outside the circuit.");
    }

    private static string? StructureDifference(IReadOnlyList<QirGate> expected, IReadOnlyList<QirGate> actual)
    {
        if (expected.Count != actual.Count)
        {
            return $"its gate count changes ({expected.Count} -> {actual.Count} gates)";
        }

        for (var g = 0; g < expected.Count; g++)
        {
            if (!expected[g].SameStructureAs(actual[g]))
            {
                return $"gate #{g} changes ({expected[g]} -> {actual[g]})";
            }
        }

        return null;
    }

    private static TapeLiftingException StructureError(ClassifierCircuit circuit, string difference, IReadOnlyList<string> parameters)
    {
        var when = parameters.Count > 0 ? $"when {string.Join(", ", parameters)} changes" : "when its parameters change jointly";
        return new TapeLiftingException(
            $"Cannot lift {circuit.Operation}: {difference} {when}; a tape needs a gate structure that does not depend on the parameters.");
    }

    // Finite differences of an affine map are exact up to rounding of the angles; snapping to
    // the nearest multiple of 2^-20 removes that rounding for the coefficients circuits use
    // (1, 1/2, 2, ...), and leaves any other value as measured.
    private static double Snapped(double coefficient)
    {
        var snapped = Math.Round(coefficient * (1 << 20)) / (1 << 20);
        return Math.Abs(snapped - coefficient) <= 1e-12 * Math.Max(1, Math.Abs(coefficient)) ? snapped : coefficient;
    }

    private static (int Gate, double Predicted, double Actual)? FirstMisfit(CircuitTape tape, double[] point, IReadOnlyList<QirGate> gates)
    {
        var angles = tape.EvaluateAngles(point, 1);
        for (var g = 0; g < gates.Count; g++)
        {
            var index = tape.Gates[g].AngleIndex;
            if (index >= 0 && Math.Abs(angles[index] - gates[g].Angle) > FitTolerance * (1 + Math.Abs(gates[g].Angle)))
            {
                return (g, angles[index], gates[g].Angle);
            }
        }

        return null;
    }

    private static bool Misfits(CircuitTape tape, double[] point, QirGate gate, int g)
    {
        var index = tape.Gates[g].AngleIndex;
        return index >= 0 && Math.Abs(tape.Angles[index].Evaluate(point) - gate.Angle) > FitTolerance * (1 + Math.Abs(gate.Angle));
    }

    // Only on failure: moving one parameter at a time from the base point to where the fit failed
    // tells which parameters the angle bends with.
    private async Task<TapeLiftingException> NonAffineErrorAsync(
        ClassifierCircuit circuit, CircuitTape tape, double[] basePoint, double[] failing, (int Gate, double Predicted, double Actual) misfit,
        CancellationToken cancellationToken)
    {
        var single = Enumerable.Range(0, circuit.ParameterCount).Select(k => Moved(basePoint, k, failing[k] - basePoint[k])).ToList();
        var singleGates = await CompileAsync(circuit, single, cancellationToken);
        var bending = Enumerable.Range(0, circuit.ParameterCount)
            .Where(k => singleGates[k].Count == tape.Gates.Count && Misfits(tape, single[k], singleGates[k][misfit.Gate], misfit.Gate))
            .Select(circuit.ParameterName)
            .ToList();
        var gate = singleGates.Count > 0 ? singleGates[0][misfit.Gate] : null;
        // Affine in each parameter alone but not jointly (a product such as weights[0] * features[0]): name what the angle depends on.
        var dependsOn = tape.Angles[tape.Gates[misfit.Gate].AngleIndex].ParameterIndices.Select(circuit.ParameterName).ToList();
        var which = bending.Count > 0 ? $"of {string.Join(", ", bending)}"
            : dependsOn.Count > 1 ? $"of {string.Join(", ", dependsOn)} jointly (a product of parameters?)"
            : "of its parameters jointly";
        return new TapeLiftingException(
            $"Cannot lift {circuit.Operation}: the angle of gate #{misfit.Gate} ({gate}, QIR line {gate?.Line}) is not an affine function {which} " +
            $"(affine fit {misfit.Predicted:G6}, Q# computed {misfit.Actual:G6}). " +
            "Compute non-linear functions of the parameters outside the circuit and pass the results in as parameters.");
    }

    private static TapeGate ToTapeGate(QirGate gate, int angleIndex)
    {
        var q = gate.Qubits;
        return new TapeGate(gate.Kind, q[0], q.Length > 1 ? q[1] : -1, q.Length > 2 ? q[2] : -1, angleIndex);
    }

    private static double[] Moved(double[] point, int k, double step)
    {
        var moved = (double[])point.Clone();
        moved[k] += step;
        return moved;
    }

    [GeneratedRegex(@"index out of range: (-?[0-9]+)")]
    private static partial Regex IndexError();
}
