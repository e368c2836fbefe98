using System.Text.Json;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Experiments;

namespace HybridQsharp.Host.Inference;

/// <summary>A run folder's trained hybrid model (best checkpoint), rebuilt with the settings it was trained with.</summary>
public sealed class TrainedHybrid : IDisposable
{
    private TrainedHybrid(ExperimentOptions options, HybridClassifier model, QuantumLayer layer)
    {
        Options = options;
        Model = model;
        Layer = layer;
    }

    public ExperimentOptions Options { get; }

    public HybridClassifier Model { get; }

    public QuantumLayer Layer { get; }

    public QuantumCircuitExecution Execution => Layer.Execution;

    /// <exception cref="CheckpointException">The folder holds no trained hybrid.</exception>
    public static async Task<TrainedHybrid> LoadAsync(string runFolder, QuantumCircuitPreparation preparation, CancellationToken cancellationToken)
    {
        var run = new RunFolder(runFolder);
        var checkpoint = Path.Combine(run.Checkpoints("hybrid"), "best.ckpt");
        if (!File.Exists(checkpoint))
            throw new CheckpointException($"{run.Path} holds no trained hybrid model ({checkpoint} is missing); train one with: hybridq train --model hybrid --out {run.Path}");
        var options = ReadOptions(run);
        TorchNativeLibrary.EnsureLoaded();
        var execution = await preparation.PrepareAsync(options, cancellationToken);
        var layer = new QuantumLayer(execution, QuantumCircuitPreparation.EncodingOf(options));
        var model = PaperModels.Hybrid(PaperArchitecture.For(options.Dataset), layer);
        TrainingCheckpoint.Load(checkpoint).RestoreModel(model);
        model.eval();
        return new TrainedHybrid(options, model, layer);
    }

    public void Dispose() => Model.Dispose();

    /// <summary>The settings a run folder was trained with (config.json).</summary>
    public static ExperimentOptions ReadOptions(RunFolder run)
    {
        if (!File.Exists(run.Config))
            throw new CheckpointException($"{run.Path} is not a run folder (no config.json).");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(run.Config));
            return document.RootElement.GetProperty("settings").Deserialize<ExperimentOptions>(RunFolder.Json)
                ?? throw new CheckpointException($"{run.Config} has no settings.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            throw new CheckpointException($"{run.Config} is unreadable: {e.Message}");
        }
    }
}
