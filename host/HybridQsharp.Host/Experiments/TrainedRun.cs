using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Host.Runs;

namespace HybridQsharp.Host.Experiments;

/// <summary>A run folder's trained model of one kind (its best checkpoint), rebuilt with the settings it was trained with.</summary>
public sealed class TrainedRun(RunFolder folder, ExperimentSettings settings, ModelKind kind, ImageClassifier model,
    QuantumCircuitExecution? execution) : IDisposable
{
    public RunFolder Folder { get; } = folder;

    public ExperimentSettings Settings { get; } = settings;

    public ModelKind Kind { get; } = kind;

    public ImageClassifier Model { get; } = model;

    /// <summary>The prepared circuit of a hybrid; null for other kinds.</summary>
    public QuantumCircuitExecution? Execution { get; } = execution;

    /// <summary>The hybrid network (CNN, reducer, quantum layer, head).</summary>
    /// <exception cref="InvalidOperationException">The model is not a hybrid.</exception>
    public HybridClassifier Hybrid => Model is HybridClassifier { QuantumPart: QuantumLayer } hybrid
        ? hybrid
        : throw new InvalidOperationException($"The {Kind.Key()} model of {Folder.Path} has no quantum layer.");

    public QuantumLayer Layer => (QuantumLayer)Hybrid.QuantumPart;

    public QuantumCircuitExecution HybridExecution => Layer.Execution;

    public void Dispose() => Model.Dispose();
}
