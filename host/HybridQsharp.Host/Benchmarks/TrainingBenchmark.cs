using HybridQsharp.Classical.Data;
using System.Diagnostics;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Statistics;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>
/// The paper's MNIST training step, timed per batch for the hybrid and the classical model on a
/// fixed number of batches after a warm-up, split into data (augmentation, normalisation,
/// batching), quantum layer (forward + parameter-shift backward) and the rest, and projected to
/// the 750-batch epoch (48,000 images at batch 64) with medians.
/// </summary>
public sealed class TrainingBenchmark(
    ExperimentDataLoader dataLoader, ExperimentSettingsParser parser, QuantumCircuitPreparation preparation, QsharpRuntime runtime, ILogger<TrainingBenchmark> logger)
{
    public const int EpochBatches = 750;

    public async Task<TrainingBenchmarkResult> RunAsync(int batches, int warmUp, string gradient, CancellationToken cancellationToken)
    {
        TorchNativeLibrary.EnsureLoaded(logger);
        var options = parser.Parse(new ExperimentOptions { Dataset = "mnist", Gradient = gradient, Limit = (batches + warmUp) * 64, BatchSize = 64 });
        var data = dataLoader.Load(options, options.Plan, cancellationToken);
        var execution = await preparation.PrepareAsync(options, cancellationToken);
        var qsharpVersion = await runtime.StartAsync(cancellationToken);

        torch.random.manual_seed(1);
        var architecture = options.Dataset.Architecture;
        using var hybrid = ModelFactory.Create(ModelKind.Hybrid, architecture, options, execution, options.Seed);
        var hybridResult = Measure(hybrid, execution, data.Train, batches, warmUp, cancellationToken);
        using var classical = ModelFactory.Create(ModelKind.Classical, architecture, options, null, options.Seed);
        var classicalResult = Measure(classical, null, data.Train, batches, warmUp, cancellationToken);
        return new TrainingBenchmarkResult(hybridResult.EpochSeconds, classicalResult.EpochSeconds, hybridResult.QuantumShare, hybridResult.DataShare,
            EpochBatches, 64, execution.Gradient.Name, [hybridResult, classicalResult], EnvironmentInfo.Collect(qsharpVersion));
    }

    private ModelTrainingMeasurement Measure(ImageClassifier model, QuantumCircuitExecution? execution, IBatchStream train, int batches, int warmUp, CancellationToken cancellationToken)
    {
        var recipe = ModelRecipe.For(model.Kind, EpochBatches * 50L);
        using var optimizer = recipe.CreateOptimizer(model.parameters());
        model.train();
        var (batchMs, dataMs, quantumMs) = (new List<double>(), new List<double>(), new List<double>());
        using var enumerator = train.Batches(0, 64, cancellationToken).GetEnumerator();
        for (var step = 0; step < warmUp + batches; step++)
        {
            var start = Stopwatch.GetTimestamp();
            if (!enumerator.MoveNext())
                throw new InvalidOperationException($"The benchmark needs {warmUp + batches} batches of MNIST training data.");
            var data = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var quantumBefore = execution?.Elapsed ?? TimeSpan.Zero;
            var (images, labels) = enumerator.Current;
            using (var scope = NewDisposeScope())
            {
                scope.Attach([images, labels]);
                recipe.Apply(optimizer, step);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(images), labels, label_smoothing: 0.1);
                loss.backward();
                if (recipe.ClipNorm is { } clip)
                    nn.utils.clip_grad_norm_(model.parameters(), clip);
                optimizer.step();
                _ = loss.item<float>();
            }

            if (step < warmUp)
                continue;
            batchMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            dataMs.Add(data);
            quantumMs.Add(((execution?.Elapsed ?? TimeSpan.Zero) - quantumBefore).TotalMilliseconds);
        }

        var batch = Median.Of(batchMs) ?? 0;
        var result = new ModelTrainingMeasurement(model.Kind.Key(), batches, batch, (Median.Of(dataMs) ?? 0), (Median.Of(quantumMs) ?? 0), batch * EpochBatches / 1000,
            (Median.Of(quantumMs) ?? 0) / batch, (Median.Of(dataMs) ?? 0) / batch);
        logger.LogInformation("{Model}: {Batch:F1} ms per batch (data {Data:F2} ms, quantum {Quantum:F2} ms) -> {Epoch:F1} s per 750-batch epoch",
            model.Kind.Key(), batch, result.DataMillisecondsMedian, result.QuantumMillisecondsMedian, result.EpochSeconds);
        return result;
    }
}
