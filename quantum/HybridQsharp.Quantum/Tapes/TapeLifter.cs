using System.Collections.Concurrent;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Memory;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridQsharp.Quantum.Tapes;

/// <summary>
/// Lifts a Q# classifier to a parametric tape. The Q# compiler folds all classical
/// arithmetic into literal angles when it emits base-profile QIR, so compiling at a base
/// probe and at one probe per parameter (that parameter moved by δ) reveals each angle's
/// affine coefficients by finite differences, which are exact for affine maps. Two random
/// probes then check the fit; structure that moves with a parameter, or a fit that fails,
/// is refused with the gate and parameter named. Tapes are cached by a hash of the sources.
/// </summary>
public sealed class TapeLifter
{
    private const double Step = 0.25;
    private const double ZeroCoefficient = 1e-12;
    private const double FitTolerance = 1e-9;

    private readonly QsharpRuntime _runtime;
    private readonly ILogger<TapeLifter> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<CircuitTape>>> _cache = new();

    public TapeLifter(QsharpRuntime runtime, ILogger<TapeLifter>? logger = null)
    {
        _runtime = runtime;
        _logger = logger ?? NullLogger<TapeLifter>.Instance;
    }

    /// <summary>What lifting may use; a classifier whose P + 3 compilations need more is refused before any is made.</summary>
    public MemoryBudget MemoryBudget { get; set; } = MemoryBudget.Default;

    public Task<CircuitTape> LiftAsync(ClassifierCircuit circuit, CancellationToken cancellationToken = default)
    {
        var key = $"{circuit.Program.ContentHash}|{circuit.Operation}|{circuit.Qubits}|{circuit.FeatureCount}|{circuit.WeightCount}";
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
        var random = new Random(20_260_401);
        var basePoint = Enumerable.Range(0, parameterCount).Select(_ => 0.2 + random.NextDouble()).ToArray();
        var checkPoints = Enumerable.Range(0, 2)
            .Select(_ => Enumerable.Range(0, parameterCount).Select(_ => Math.PI * ((2 * random.NextDouble()) - 1)).ToArray())
            .ToArray();

        var probes = new List<double[]>(parameterCount + 3) { basePoint };
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
                var culprits = Enumerable.Range(0, parameterCount).Where(k => StructureDifference(baseGates, singleGates[k]) is not null).Select(circuit.ParameterName).ToList();
                throw StructureError(circuit, difference, culprits);
            }
        }

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
            for (var k = 0; k < parameterCount; k++)
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

        var tape = new CircuitTape(circuit.Qubits, parameterCount, gates, angles);
        var misfit = FirstMisfit(tape, baseGates, checkPoints, gateLists.Skip(1 + parameterCount).ToList());
        if (misfit is { } m)
        {
            throw await NonAffineErrorAsync(circuit, baseGates, basePoint, gateLists, m, cancellationToken);
        }

        _logger.LogInformation(
            "Lifted {Operation} to a tape of {Gates} gates ({Rotations} parametric) in {Ms} ms from {Probes} QIR compilations",
            circuit.Operation, gates.Count, angles.Count, started.ElapsedMilliseconds, probes.Count);
        return tape;
    }

    // Every parameter moves at least one gate, so P + 3 compilations of at least P gates each are a lower bound.
    private void RequireLiftFits(ClassifierCircuit circuit)
    {
        var need = MemoryEstimate.Sum(MemoryEstimate.BaselineBytes, MemoryEstimate.Lift(QuantumWorkload.LowerBound(circuit, 1, 1, GradientKind.ParameterShift, BackendKind.Native)));
        if (need > MemoryBudget.Bytes)
        {
            throw new MemoryBudgetExceededException(
                $"Lifting {circuit.Operation} ({circuit.Qubits} qubits, {circuit.ParameterCount:N0} parameters) takes {circuit.ParameterCount + 3L:N0} QIR compilations " +
                $"and at least about {MemoryBudget.Format(need)}, more than the memory budget of {MemoryBudget}.");
        }
    }

    private async Task<List<IReadOnlyList<QirGate>>> CompileAsync(ClassifierCircuit circuit, List<double[]> probes, CancellationToken cancellationToken)
    {
        var qir = await _runtime.QirAsync(circuit.Program, circuit.Operation, circuit.Qubits, probes.Select(p => circuit.Arguments(p)).ToList(), cancellationToken);
        var gateLists = qir.Select(QirGateReader.Read).ToList();
        foreach (var gate in gateLists.SelectMany(g => g))
        {
            if (gate.Qubits.FirstOrDefault(q => q >= circuit.Qubits, -1) is var outside and >= 0)
            {
                throw new TapeLiftingException(
                    $"Cannot lift {circuit.Operation}: {gate} (QIR line {gate.Line}) acts on qubit {outside}, outside its {circuit.Qubits}-qubit register; " +
                    "a classifier acts on the register it is given only (no qubits of its own, no measurements, which the base profile makes through extra qubits).");
            }
        }

        return gateLists;
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
        return new TapeLiftingException($"Cannot lift {circuit.Operation}: {difference} {when}; a tape needs a gate structure that does not depend on the parameters.");
    }

    // Finite differences of an affine map are exact up to rounding of the angles; snapping to
    // the nearest multiple of 2^-20 removes that rounding for the coefficients circuits use
    // (1, 1/2, 2, ...), and leaves any other value as measured.
    private static double Snapped(double coefficient)
    {
        var snapped = Math.Round(coefficient * (1 << 20)) / (1 << 20);
        return Math.Abs(snapped - coefficient) <= 1e-12 * Math.Max(1, Math.Abs(coefficient)) ? snapped : coefficient;
    }

    private static (int Gate, double Predicted, double Actual)? FirstMisfit(
        CircuitTape tape, IReadOnlyList<QirGate> baseGates, double[][] checkPoints, List<IReadOnlyList<QirGate>> checkGates)
    {
        for (var c = 0; c < checkPoints.Length; c++)
        {
            var angles = tape.EvaluateAngles(checkPoints[c], 1);
            for (var g = 0; g < baseGates.Count; g++)
            {
                var index = tape.Gates[g].AngleIndex;
                if (index < 0)
                {
                    continue;
                }

                var actual = checkGates[c][g].Angle;
                if (Math.Abs(angles[index] - actual) > FitTolerance * (1 + Math.Abs(actual)))
                {
                    return (g, angles[index], actual);
                }
            }
        }

        return null;
    }

    // Only on failure: a second step per parameter tells which parameter the angle bends with.
    private async Task<TapeLiftingException> NonAffineErrorAsync(
        ClassifierCircuit circuit, IReadOnlyList<QirGate> baseGates, double[] basePoint, List<IReadOnlyList<QirGate>> gateLists,
        (int Gate, double Predicted, double Actual) misfit, CancellationToken cancellationToken)
    {
        var doubleSteps = Enumerable.Range(0, circuit.ParameterCount).Select(k => Moved(basePoint, k, 2 * Step)).ToList();
        var far = await CompileAsync(circuit, doubleSteps, cancellationToken);
        var gate = baseGates[misfit.Gate];
        var bending = Enumerable.Range(0, circuit.ParameterCount)
            .Where(k => Math.Abs(far[k][misfit.Gate].Angle - (2 * gateLists[1 + k][misfit.Gate].Angle) + gate.Angle) > FitTolerance * (1 + Math.Abs(gate.Angle)))
            .Select(circuit.ParameterName)
            .ToList();
        var which = bending.Count > 0 ? $"of {string.Join(", ", bending)}" : "of its parameters jointly";
        return new TapeLiftingException(
            $"Cannot lift {circuit.Operation}: the angle of gate #{misfit.Gate} ({gate}, QIR line {gate.Line}) is not an affine function {which} " +
            $"(affine fit {misfit.Predicted:G6}, Q# computed {misfit.Actual:G6}). Compute non-linear functions of the parameters outside the circuit and pass the results in as parameters.");
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
}
