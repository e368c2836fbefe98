using System.Text.Json;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Runs;
using static TorchSharp.torch;

namespace HybridQsharp.Host.Experiments;

/// <summary>
/// Loads what a finished run left behind, for every verb that uses a trained model (evaluate,
/// infer, qir, azure, circuit --run, report): the settings from config.json, the model of a kind
/// from its best checkpoint, the data split the way it was trained, and the test samples that
/// inference verbs send to quantum backends (always the first images of the full test split,
/// so every verb's "sample 0" is the same image).
/// </summary>
public sealed class TrainedRunLoader(ExperimentSettingsParser parser, QuantumCircuitPreparation preparation, ExperimentDataLoader dataLoader)
{
    /// <summary>The settings a run folder was trained with (config.json).</summary>
    /// <exception cref="CheckpointException">The folder is not a run folder or its config.json does not parse.</exception>
    public ExperimentSettings ReadSettings(RunFolder run)
    {
        try
        {
            return parser.Parse(ReadOptions(run));
        }
        catch (ExperimentSettingsException e)
        {
            throw new CheckpointException($"{run.Config} holds settings this build cannot use: {e.Message}");
        }
    }

    /// <summary>The configuration strings a run folder was started with (config.json "settings").</summary>
    /// <exception cref="CheckpointException">The folder is not a run folder or its config.json does not parse.</exception>
    public ExperimentOptions ReadOptions(RunFolder run)
    {
        if (!File.Exists(run.Config))
        {
            throw new CheckpointException($"{run.Path} is not a run folder (no config.json).");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(run.Config));
            return document.RootElement.GetProperty("settings").Deserialize<ExperimentOptions>(RunFolder.Json)
                ?? throw new CheckpointException($"{run.Config} has no settings.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CheckpointException($"{run.Config} is unreadable: {e.Message}");
        }
    }

    /// <summary>The run's model of <paramref name="kind"/>, weights from its best checkpoint, in eval mode.</summary>
    /// <exception cref="CheckpointException">The folder holds no trained model of that kind, or it does not fit.</exception>
    public async Task<TrainedRun> LoadAsync(RunFolder run, ModelKind kind, CancellationToken cancellationToken)
    {
        var checkpoint = run.BestCheckpoint(kind);
        if (!File.Exists(checkpoint))
        {
            throw new CheckpointException(
                $"{run.Path} holds no trained {kind.Key()} model ({checkpoint} is missing); train one with: " +
                $"hybridq train --model {kind.Key()} --out {run.Path}");
        }

        var settings = ReadSettings(run);
        TorchNativeLibrary.EnsureLoaded();
        var execution = kind == ModelKind.Hybrid ? await preparation.PrepareAsync(settings, cancellationToken) : null;
        var model = ModelFactory.Create(kind, settings.Dataset.Architecture, settings, execution, settings.Seed);
        try
        {
            TrainingCheckpoint.Load(checkpoint).RestoreModel(model);
        }
        catch
        {
            model.Dispose();
            throw;
        }

        model.eval();
        return new TrainedRun(run, settings, kind, model, execution);
    }

    /// <summary>The run's data split as it was trained (same seed, same limits): what its figures show.</summary>
    public ExperimentData LoadTrainingData(TrainedRun run, CancellationToken cancellationToken) =>
        dataLoader.Load(run.Settings, run.Settings.Plan, cancellationToken);

    /// <summary>The run's data with the whole official test split (evaluation and inference use all of it).</summary>
    public ExperimentData LoadTestData(ExperimentSettings settings, CancellationToken cancellationToken) =>
        dataLoader.Load(settings, settings.Plan with { TestLimit = null }, cancellationToken);

    /// <summary>
    /// The first <paramref name="count"/> images of the full test split as bound circuit arguments
    /// (the trained hybrid's encoding angles and weights), with their labels.
    /// </summary>
    public IReadOnlyList<CircuitSample> TestSamples(TrainedRun run, int count, CancellationToken cancellationToken)
    {
        var data = LoadTestData(run.Settings, cancellationToken);
        var layer = run.Layer;
        var samples = new List<CircuitSample>(count);
        var weights = layer.Weights.detach().to(ScalarType.Float64).data<double>().ToArray();
        var featureCount = run.HybridExecution.Circuit.FeatureCount;
        using var noGrad = no_grad();
        foreach (var (images, labels) in data.Test.Batches(0, 64, cancellationToken))
        {
            using var scope = NewDisposeScope();
            scope.Attach([images, labels]);
            var features = layer.EncodingAngles(run.Hybrid.QuantumInputs(images).to(ScalarType.Float64)).data<double>().ToArray();
            var truth = labels.data<long>().ToArray();
            for (var i = 0; i < truth.Length && samples.Count < count; i++)
            {
                samples.Add(new CircuitSample(samples.Count, (int)truth[i], features.AsSpan(i * featureCount, featureCount).ToArray(), weights));
            }

            if (samples.Count == count)
            {
                break;
            }
        }

        return samples;
    }
}
