using System.Diagnostics;
using System.Numerics;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>
/// Native simulator against the Q# simulator on the paper's circuit and on larger ones:
/// throughput at several batch sizes, agreement, and the cost of a batch's backward pass.
/// The Q# side runs the original Q# operation (one request per batch, as training would
/// send it); on large registers it is measured on fewer circuits, and says so.
/// </summary>
public sealed class QuantumBenchmark(QsharpRuntime runtime, TapeLifter lifter, StateVectorSimulator simulator, ILogger<QuantumBenchmark> logger)
{
    public async Task<QuantumBenchmarkResult> RunAsync(QuantumBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var version = await runtime.StartAsync(cancellationToken);
        var paper = await MeasureAsync("paper: amplitude + BasicEntanglerLayers(2)", BuiltInClassifiers.Paper(), options, cancellationToken);
        var scaling = new List<CircuitMeasurement>();
        foreach (var qubits in options.ScalingQubits)
        {
            var circuit = BuiltInClassifiers.Create(Encoding.Angle, Ansatz.BasicEntangler, qubits, 2);
            scaling.Add(await MeasureAsync($"angle + BasicEntanglerLayers(2), {qubits} qubits", circuit, options, cancellationToken));
        }

        var runtimeCosts = await RuntimeCostsAsync(BuiltInClassifiers.Paper(), [1, 100, 3000], options, cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["cores"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ["dotnet"] = Environment.Version.ToString(),
            ["simd_doubles"] = Vector<double>.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["qsharp_lang"] = version,
        };
        return new QuantumBenchmarkResult(paper, scaling, runtimeCosts, environment);
    }

    private async Task<CircuitMeasurement> MeasureAsync(string name, ClassifierCircuit circuit, QuantumBenchmarkOptions options, CancellationToken cancellationToken)
    {
        logger.LogInformation("Benchmarking {Circuit}", name);
        var tape = await lifter.LiftAsync(circuit, cancellationToken);
        var random = new Random(circuit.Qubits);
        var batches = new List<BatchMeasurement>();
        var maxDiff = 0.0;
        foreach (var batch in options.Batches)
        {
            var parameters = Enumerable.Range(0, batch * circuit.ParameterCount).Select(_ => Math.PI * ((2 * random.NextDouble()) - 1)).ToArray();
            var angles = tape.EvaluateAngles(parameters, batch);
            var output = new double[batch * tape.OutputCount];
            var nativeMs = await Stopwatches.MedianMillisecondsAsync(
                () => { simulator.Expectations(tape, angles, batch, output, cancellationToken); return Task.CompletedTask; },
                minRuns: 1, maxRuns: 50, options.BudgetPerMeasurement, cancellationToken);

            // The Q# simulator dumps dense states: cap the circuits per request on large registers.
            var qsharpCount = Math.Min(batch, QsharpCircuitCap(circuit.Qubits));
            var arguments = Enumerable.Range(0, qsharpCount).Select(c => circuit.Arguments(parameters.AsSpan(c * circuit.ParameterCount, circuit.ParameterCount))).ToList();
            ExactRunResult? qsharp = null;
            var qsharpMs = await Stopwatches.MedianMillisecondsAsync(
                async () => qsharp = await runtime.ExpectationsAsync(circuit.Program, circuit.Operation, circuit.Qubits, arguments, cancellationToken: cancellationToken),
                minRuns: 1, maxRuns: 5, options.BudgetPerMeasurement, cancellationToken);

            for (var c = 0; c < qsharpCount; c++)
            {
                for (var q = 0; q < circuit.Qubits; q++)
                {
                    maxDiff = Math.Max(maxDiff, Math.Abs(qsharp!.Expectations[c][q] - output[(c * circuit.Qubits) + q]));
                }
            }

            var nativeRate = batch / (nativeMs / 1000);
            var qsharpRate = qsharpCount / (qsharpMs / 1000);
            batches.Add(new BatchMeasurement(batch, nativeRate, qsharpRate, qsharpCount, nativeRate / qsharpRate));
            logger.LogInformation(
                "  batch {Batch}: native {Native:N0} circuits/s, Q# {Qsharp:N0} circuits/s (on {Count}), speedup {Speedup:N0}x",
                batch, nativeRate, qsharpRate, qsharpCount, nativeRate / qsharpRate);
        }

        const int backwardBatch = 64;
        var backwardParameters = Enumerable.Range(0, backwardBatch * circuit.ParameterCount).Select(_ => random.NextDouble()).ToArray();
        var native = new NativeBackend(simulator);
        var shiftMs = await Stopwatches.MedianMillisecondsAsync(
            async () => await ParameterShift.Instance.JacobianAsync(tape, native, backwardParameters, backwardBatch, cancellationToken),
            minRuns: 1, maxRuns: 50, options.BudgetPerMeasurement, cancellationToken);
        var adjointMs = await Stopwatches.MedianMillisecondsAsync(
            async () => await AdjointDifferentiation.Instance.JacobianAsync(tape, native, backwardParameters, backwardBatch, cancellationToken),
            minRuns: 1, maxRuns: 50, options.BudgetPerMeasurement, cancellationToken);
        logger.LogInformation("  backward, batch 64: parameter-shift {Shift:N2} ms, adjoint {Adjoint:N2} ms; max |native - Q#| = {Diff:E2}", shiftMs, adjointMs, maxDiff);

        var largest = batches[^1];
        return new CircuitMeasurement(
            name, circuit.Qubits, tape.Gates.Count, tape.Angles.Count(a => !a.IsConstant),
            largest.NativeCircuitsPerSecond, largest.QsharpCircuitsPerSecond, largest.Speedup, maxDiff, shiftMs, adjointMs, batches);
    }

    private async Task<List<RuntimeBatchCost>> RuntimeCostsAsync(ClassifierCircuit circuit, int[] batches, QuantumBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var random = new Random(1);
        var costs = new List<RuntimeBatchCost>();
        foreach (var batch in batches)
        {
            var arguments = Enumerable.Range(0, batch)
                .Select(_ => circuit.Arguments(Enumerable.Range(0, circuit.ParameterCount).Select(_ => random.NextDouble()).ToArray()))
                .ToList();
            var ms = await Stopwatches.MedianMillisecondsAsync(
                () => runtime.ExpectationsAsync(circuit.Program, circuit.Operation, circuit.Qubits, arguments, cancellationToken: cancellationToken),
                minRuns: 3, maxRuns: 20, options.BudgetPerMeasurement, cancellationToken);
            costs.Add(new RuntimeBatchCost(batch, ms, ms * 1000 / batch));
            logger.LogInformation("Q# runtime, exact, batch {Batch}: {Ms:N1} ms per request, {Us:N1} us per circuit", batch, ms, ms * 1000 / batch);
        }

        return costs;
    }

    private static int QsharpCircuitCap(int qubits) => qubits switch
    {
        <= 6 => int.MaxValue,
        <= 8 => 500,
        <= 12 => 40,
        _ => 4,
    };
}
