using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Quantum.Circuits;

namespace HybridQsharp.Classical.Models;

/// <summary>Builds the three model families for a dataset's architecture.</summary>
public static class PaperModels
{
    public static ClassicalClassifier Classical(PaperArchitecture architecture) => new(architecture);

    public static HybridClassifier Hybrid(PaperArchitecture architecture, QuantumLayer quantum) =>
        new(architecture, quantum, quantum.InputWidth, quantum.OutputWidth, softmaxReducer: quantum.Encoding == Encoding.Amplitude);

    /// <summary>
    /// The hybrid with its quantum layer replaced by <see cref="TwinLayer"/> of the same widths (the paper circuit's for these settings).
    /// </summary>
    public static HybridClassifier Twin(PaperArchitecture architecture, Encoding encoding, int qubits) =>
        Twin(architecture, encoding, BuiltInClassifiers.InputWidth(encoding, qubits), qubits);

    /// <summary>The twin of a hybrid whose quantum layer takes <paramref name="inputs"/> and gives <paramref name="outputs"/> values.</summary>
    public static HybridClassifier Twin(PaperArchitecture architecture, Encoding encoding, int inputs, int outputs) =>
        new(architecture, new TwinLayer(inputs, outputs), inputs, outputs, softmaxReducer: encoding == Encoding.Amplitude, kind: ModelKind.Twin);
}
