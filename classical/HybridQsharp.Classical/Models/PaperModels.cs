using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Quantum.Circuits;

namespace HybridQsharp.Classical.Models;

/// <summary>Builds the three model families for a dataset's architecture.</summary>
public static class PaperModels
{
    public static ClassicalClassifier Classical(PaperArchitecture architecture) => new(architecture);

    public static HybridClassifier Hybrid(PaperArchitecture architecture, QuantumLayer quantum) =>
        new(architecture, quantum, quantum.InputWidth, quantum.OutputWidth, softmaxReducer: quantum.Encoding == Encoding.Amplitude);

    /// <summary>The hybrid with its quantum layer replaced by <see cref="TwinLayer"/> of the same widths.</summary>
    public static HybridClassifier Twin(PaperArchitecture architecture, Encoding encoding, int qubits)
    {
        var inputs = BuiltInClassifiers.InputWidth(encoding, qubits);
        return new HybridClassifier(architecture, new TwinLayer(inputs, qubits), inputs, qubits, softmaxReducer: encoding == Encoding.Amplitude, kind: ModelKind.Twin);
    }
}
