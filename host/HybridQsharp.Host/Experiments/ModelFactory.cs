using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using TorchSharp;

namespace HybridQsharp.Host.Experiments;

/// <summary>Builds the model of a kind for the settings: the one place that maps a <see cref="ModelKind"/> to a network.</summary>
public static class ModelFactory
{
    /// <param name="kind">The family.</param>
    /// <param name="architecture">The dataset's shapes (its class count may differ from the paper's when the data says so).</param>
    /// <param name="settings">Encoding and qubits decide the hybrid's and twin's layer widths.</param>
    /// <param name="execution">The prepared circuit; required for <see cref="ModelKind.Hybrid"/>, and gives the twin its widths when present.</param>
    /// <param name="initialisationSeed">Seed of the quantum weights' initialisation (uniform in [0, 2π)).</param>
    public static ImageClassifier Create(ModelKind kind, PaperArchitecture architecture, ExperimentSettings settings,
        QuantumCircuitExecution? execution, int initialisationSeed)
    {
        switch (kind)
        {
            case ModelKind.Hybrid:
            {
                ArgumentNullException.ThrowIfNull(execution);
                using var generator = new torch.Generator((ulong)initialisationSeed);
                return PaperModels.Hybrid(architecture, new QuantumLayer(execution, settings.Encoding, generator));
            }

            case ModelKind.Twin when execution is not null:
                // The twin mirrors the layer it replaces, whatever shape the circuit declared.
                return PaperModels.Twin(architecture, settings.Encoding, QuantumLayer.InputWidthFor(execution.Circuit, settings.Encoding),
                    execution.Tape.OutputCount);

            case ModelKind.Twin:
                return PaperModels.Twin(architecture, settings.Encoding, settings.Qubits);
            case ModelKind.Classical:
                return PaperModels.Classical(architecture);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
