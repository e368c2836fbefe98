using System.Diagnostics;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Statistics;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>
/// The paper's MNIST training step for the hybrid, its twin (the quantum layer replaced by
/// Linear + tanh) and the classical model, timed in the same run: after a warm-up the timed
/// batches are split into rounds and the models take turns, so a change in machine speed falls on
/// all three alike. Each step is split into data, forward, backward and optimiser, and the hybrid's
/// quantum layer into encoding, circuit forward and circuit backward; medians are projected to the
/// 750-batch epoch (48,000 images at batch 64).
/// </summary>
public sealed class TrainingBenchmark(
    ExperimentDataLoader dataLoader, ExperimentSettingsParser parser, QuantumCircuitPreparation preparation, QsharpRuntime runtime,
    ILogger<TrainingBenchmark> logger)
{
    public const int EpochBatches = 750;

    public async Task<TrainingBenchmarkResult> RunAsync(int batches, int warmUp, string gradient, int rounds, CancellationToken cancellationToken)
    {
        TorchNativeLibrary.EnsureLoaded(logger);
        var options = parser.Parse(new ExperimentOptions { Dataset = "mnist", Gradient = gradient, Limit = (batches + warmUp) * 64, BatchSize = 64 });
        var data = dataLoader.Load(options, options.Plan, cancellationToken);
        var execution = await preparation.PrepareAsync(options, cancellationToken);
        var qsharpVersion = await runtime.StartAsync(cancellationToken);
        var encoding = options.Encoding;
        var architecture = options.Dataset.Architecture;

        torch.random.manual_seed(1);
        var totalSteps = EpochBatches * 50L;
        using var hybrid = new ModelStepper(ModelFactory.Create(ModelKind.Hybrid, architecture, options, execution, options.Seed), execution,
            data.Train, totalSteps, cancellationToken);
        using var twin = new ModelStepper(ModelFactory.Create(ModelKind.Twin, architecture, options, execution, options.Seed), null, data.Train,
            totalSteps, cancellationToken);
        using var classical = new ModelStepper(ModelFactory.Create(ModelKind.Classical, architecture, options, null, options.Seed), null, data.Train,
            totalSteps, cancellationToken);
        ModelStepper[] models = [hybrid, twin, classical];

        foreach (var model in models)
        {
            for (var s = 0; s < warmUp; s++)
            {
                model.Step(warmUp: true);
            }
        }

        rounds = Math.Clamp(rounds, 1, batches);
        var roundEnds = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            var steps = (batches / rounds) + (round < batches % rounds ? 1 : 0);
            foreach (var model in models)
            {
                for (var s = 0; s < steps; s++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    model.Step(warmUp: false);
                }
            }

            roundEnds.Add(hybrid.Measured.Count);
            logger.LogInformation("Round {Round}/{Rounds}: {Steps} steps per model", round + 1, rounds, steps);
        }

        var measurements = models.Select(m => Summarise(m, roundEnds)).ToArray();
        var layerAlone = LayerAlone(new QuantumLayer(execution, encoding, new Generator(2)));
        var (h, t, c) = (measurements[0], measurements[1], measurements[2]);
        var threading = new Dictionary<string, string>
        {
            ["torch_threads"] = torch.get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["omp_wait_policy"] = TorchThreading.WaitPolicy,
            ["malloc"] = NativeHeap.Policy,
            ["gomp_spincount"] = Environment.GetEnvironmentVariable("GOMP_SPINCOUNT") ?? "unset",
            ["tiered_compilation"] = TieredCompilation(),
            ["simulator_min_parallel_work"] = Quantum.Simulation.StateVectorSimulator.MinimumParallelWork.ToString(
                System.Globalization.CultureInfo.InvariantCulture),
        };
        var hybridTwin = h.BatchMillisecondsMedian / t.BatchMillisecondsMedian;
        var hybridClassical = h.BatchMillisecondsMedian / c.BatchMillisecondsMedian;
        var paired = Median.Of(h.RoundMediansMilliseconds.Zip(t.RoundMediansMilliseconds, (hybridRound, twinRound) => hybridRound / twinRound)) ?? 0;
        logger.LogInformation("hybrid / twin {HybridTwin:F3} (paired by round {Paired:F3}), hybrid / classical {HybridClassical:F3}",
            hybridTwin, paired, hybridClassical);
        return new TrainingBenchmarkResult(h.EpochSeconds, t.EpochSeconds, c.EpochSeconds, hybridTwin, hybridClassical, paired, h.QuantumShare,
            h.DataShare, layerAlone, EpochBatches, 64, rounds, warmUp,
            execution.Gradient.Name, threading,
            measurements, EnvironmentInfo.Collect(qsharpVersion));
    }

    // The environment overrides the runtime configuration (the host project turns tiering off; docs/decisions.md).
    private static string TieredCompilation() =>
        Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") is { } variable ? $"DOTNET_TieredCompilation={variable}"
        : AppContext.GetData("System.Runtime.TieredCompilation") is { } configured ? $"runtimeconfig {configured}"
        : "runtime default (on)";

    /// <summary>
    /// The quantum layer alone, forward and backward on a batch of 64 softmax rows (as the peer measures its layer), median ms of 50.
    /// </summary>
    private double LayerAlone(QuantumLayer layer)
    {
        using var disposeLayer = layer;
        var generator = new Generator(3);
        using var inputs = nn.functional.softmax(randn([64, layer.InputWidth], generator: generator), 1);
        var times = new List<double>();
        for (var i = 0; i < 55; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using (var scope = NewDisposeScope())
            {
                var x = inputs.clone().requires_grad_();
                layer.forward(x).sum().backward();
            }

            if (i >= 5)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var median = Median.Of(times) ?? 0;
        logger.LogInformation("Quantum layer alone, batch 64, forward + backward: {Median:F3} ms", median);
        return median;
    }

    private ModelTrainingMeasurement Summarise(ModelStepper model, List<int> roundEnds)
    {
        var steps = model.Measured;
        double MedianOf(Func<StepTimes, double> pick) => Median.Of(steps.Select(pick)) ?? 0;
        var sorted = steps.Select(s => s.Batch).Order().ToArray();
        double Quantile(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        var roundMedians = new List<double>();
        for (var r = 0; r < roundEnds.Count; r++)
        {
            var from = r == 0 ? 0 : roundEnds[r - 1];
            roundMedians.Add(Median.Of(steps.Skip(from).Take(roundEnds[r] - from).Select(s => s.Batch)) ?? 0);
        }

        var batch = MedianOf(s => s.Batch);
        var result = new ModelTrainingMeasurement(model.Model.Kind.Key(), steps.Count, batch, sorted[0], Quantile(0.1), Quantile(0.9), sorted[^1],
            roundMedians,
            MedianOf(s => s.Data), MedianOf(s => s.Forward), MedianOf(s => s.Backward), MedianOf(s => s.Optimizer),
            MedianOf(s => s.Quantum), MedianOf(s => s.Encoding), MedianOf(s => s.CircuitForward), MedianOf(s => s.CircuitBackward),
            batch * EpochBatches / 1000, MedianOf(s => s.Quantum) / batch, MedianOf(s => s.Data) / batch);
        logger.LogInformation(
            "{Model}: {Batch:F1} ms per batch (min {Min:F1}, p90 {P90:F1}; data {Data:F2}, forward {Forward:F2}, backward {Backward:F2}, " +
            "optimiser {Optimizer:F2}, quantum {Quantum:F2} = encoding {Encoding:F2} + circuit forward {CircuitForward:F2} + backward " +
            "{CircuitBackward:F2}) -> {Epoch:F1} s per epoch",
            result.Model, batch, result.BatchMillisecondsMin, result.BatchMillisecondsP90, result.DataMillisecondsMedian,
            result.ForwardMillisecondsMedian,
            result.BackwardMillisecondsMedian, result.OptimizerMillisecondsMedian, result.QuantumMillisecondsMedian,
            result.EncodingMillisecondsMedian,
            result.CircuitForwardMillisecondsMedian, result.CircuitBackwardMillisecondsMedian, result.EpochSeconds);
        return result;
    }
}
