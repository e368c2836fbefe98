using System.Numerics;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Simulation;
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

    private async Task<CircuitMeasurement> MeasureAsync(string name, ClassifierCircuit circuit, QuantumBenchmarkOptions options,
        CancellationToken cancellationToken)
    {
        logger.LogInformation("Benchmarking {Circuit}", name);
        var tape = await lifter.LiftAsync(circuit, cancellationToken);
        var random = new Random(circuit.Qubits);
        var batches = new List<BatchMeasurement>();
        var maxDiff = 0.0;
        var forwardSecondsPerCircuit = 0.0;
        foreach (var batch in options.Batches.Where(b => b <= MaxForwardBatch(circuit.Qubits)))
        {
            var parameters = Enumerable.Range(0, batch * circuit.ParameterCount).Select(_ => Math.PI * ((2 * random.NextDouble()) - 1)).ToArray();
            var angles = tape.EvaluateAngles(parameters, batch);
            var output = new double[batch * tape.OutputCount];
            var nativeMs = await Stopwatches.MedianMillisecondsAsync(
                () => { simulator.Expectations(tape, angles, batch, output, cancellationToken); return Task.CompletedTask; },
                minRuns: 1, maxRuns: 50, options.BudgetPerMeasurement, cancellationToken);
            forwardSecondsPerCircuit = nativeMs / 1000 / batch;

            // The Q# simulator dumps dense states: cap the circuits per request on large registers, none past 16 qubits.
            var qsharpCount = Math.Min(batch, QsharpCircuitCap(circuit.Qubits));
            var qsharpRate = 0.0;
            if (qsharpCount > 0)
            {
                var arguments = Enumerable.Range(0, qsharpCount)
                    .Select(c => circuit.Arguments(parameters.AsSpan(c * circuit.ParameterCount, circuit.ParameterCount))).ToList();
                ExactRunResult? qsharp = null;
                var qsharpMs = await Stopwatches.MedianMillisecondsAsync(
                    async () => qsharp = await runtime.ExpectationsAsync(circuit.Program, circuit.Operation, circuit.Qubits, arguments,
                        cancellationToken: cancellationToken),
                    minRuns: 1, maxRuns: 5, options.BudgetPerMeasurement, cancellationToken);
                for (var c = 0; c < qsharpCount; c++)
                {
                    for (var q = 0; q < circuit.Qubits; q++)
                    {
                        maxDiff = Math.Max(maxDiff, Math.Abs(qsharp!.Expectations[c][q] - output[(c * circuit.Qubits) + q]));
                    }
                }

                qsharpRate = qsharpCount / (qsharpMs / 1000);
            }

            var nativeRate = batch / (nativeMs / 1000);
            var speedup = qsharpRate > 0 ? nativeRate / qsharpRate : 0;
            batches.Add(new BatchMeasurement(batch, nativeRate, qsharpRate, qsharpCount, speedup));
            logger.LogInformation(
                "  batch {Batch}: native {Native:N0} circuits/s, Q# {Qsharp:N0} circuits/s (on {Count}), speedup {Speedup:N0}x",
                batch, nativeRate, qsharpRate, qsharpCount, speedup);
        }

        const int backwardBatch = 64;
        var backwardParameters = Enumerable.Range(0, backwardBatch * circuit.ParameterCount).Select(_ => random.NextDouble()).ToArray();
        var outputGradients = Enumerable.Range(0, backwardBatch * tape.OutputCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var native = new NativeBackend(simulator);

        // Parameter shift on large registers runs thousands of circuits: time a smaller batch and scale (its cost is linear in the batch).
        var shiftBatch = Math.Min(backwardBatch, MaxParameterShiftBatch(circuit.Qubits));
        var shiftMs = await Stopwatches.MedianMillisecondsAsync(
            async () => await ParameterShift.Instance.JacobianAsync(tape, native, backwardParameters.AsMemory(0, shiftBatch * circuit.ParameterCount),
                shiftBatch, cancellationToken),
            minRuns: 1, maxRuns: 50, options.BudgetPerMeasurement, cancellationToken) * backwardBatch / shiftBatch;
        var adjointMs = await Stopwatches.MedianMillisecondsAsync(
            async () => await AdjointDifferentiation.Instance.JacobianAsync(tape, native, backwardParameters, backwardBatch, cancellationToken),
            minRuns: 1, maxRuns: 50, options.BudgetPerMeasurement, cancellationToken);
        var vjpMs = await Stopwatches.MedianMillisecondsAsync(
            async () => await AdjointDifferentiation.Instance.VectorJacobianProductAsync(tape, native, backwardParameters, outputGradients,
                backwardBatch, cancellationToken),
            minRuns: 1, maxRuns: 50, options.BudgetPerMeasurement, cancellationToken);

        // Roofline: each pass of a kernel over a circuit's state at the streaming rate for a working set of that size.
        var laneBatched = circuit.Qubits <= StateVectorSimulator.MaxLaneBatchedQubits;
        var lanes = laneBatched ? StateBatch.LanesFor(circuit.Qubits) : System.Numerics.Vector<double>.Count;
        var passes = simulator.ForwardPasses(tape);
        var streaming = StreamingRoofline.AmplitudesPerSecond(circuit.Qubits + (int)Math.Log2(lanes), options.BudgetPerMeasurement);
        var passSeconds = (double)(1L << circuit.Qubits) / streaming;
        var forwardFraction = passes * passSeconds / forwardSecondsPerCircuit;
        // Forward again, then ψ and λ each passed over once per step on the way back.
        var vjpFraction = (3 * passes) * passSeconds * backwardBatch / (vjpMs / 1000);
        logger.LogInformation(
            "  backward, batch 64: parameter-shift {Shift:N2} ms (timed on {ShiftBatch}), adjoint {Adjoint:N2} ms, " +
            "adjoint vector-Jacobian product {Vjp:N2} ms; " +
            "{Passes} passes per forward run, roofline {Roofline:E2} amplitudes/s, forward at {Forward:P0} of it, adjoint VJP at {VjpFraction:P0}; " +
            "max |native - Q#| = {Diff:E2}",
            shiftMs, shiftBatch, adjointMs, vjpMs, passes, streaming, forwardFraction, vjpFraction, maxDiff);

        var largest = batches[^1];
        return new CircuitMeasurement(
            name, circuit.Qubits, tape.Gates.Count, tape.Angles.Count(a => !a.IsConstant),
            largest.NativeCircuitsPerSecond, largest.QsharpCircuitsPerSecond, largest.Speedup, maxDiff, shiftMs, adjointMs, vjpMs,
            shiftBatch * (1 + (2 * tape.Angles.Count(a => !a.IsConstant))), laneBatched ? $"lane-batched ({lanes} lanes)" : "fused blocks, 4 lanes",
            passes, streaming, forwardFraction, vjpFraction, batches);
    }

    // Forward batches past this many amplitude updates take minutes; the smaller batches say enough.
    private static int MaxForwardBatch(int qubits) => qubits <= 14 ? int.MaxValue : 64;

    private static int MaxParameterShiftBatch(int qubits) => qubits <= 16 ? 64 : 4;

    private async Task<List<RuntimeBatchCost>> RuntimeCostsAsync(ClassifierCircuit circuit, int[] batches, QuantumBenchmarkOptions options,
        CancellationToken cancellationToken)
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
        <= 16 => 4,
        _ => 0,
    };
}
