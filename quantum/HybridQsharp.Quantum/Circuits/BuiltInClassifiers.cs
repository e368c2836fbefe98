using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Quantum.Circuits;

/// <summary>The classifiers defined in quantum/src/Classifiers.qs.</summary>
public static class BuiltInClassifiers
{
    public const string Namespace = "HybridQsharp.Classifiers";

    /// <summary>The classifier for an encoding and ansatz on <paramref name="qubits"/> qubits with <paramref name="layers"/> layers.</summary>
    public static ClassifierCircuit Create(Encoding encoding, Ansatz ansatz, int qubits, int layers, QsharpProgram? program = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        if (encoding == Encoding.Amplitude && qubits > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "Amplitude encoding takes 2ⁿ - 1 angles; more than 20 qubits is not supported.");
        }

        var operation = (encoding, ansatz) switch
        {
            (Encoding.Amplitude, Ansatz.BasicEntangler) => "AmplitudeClassifier",
            (Encoding.Angle, Ansatz.BasicEntangler) => "AngleClassifier",
            (Encoding.Amplitude, Ansatz.StronglyEntangling) => "AmplitudeStronglyEntanglingClassifier",
            (Encoding.Angle, Ansatz.StronglyEntangling) => "AngleStronglyEntanglingClassifier",
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        return new ClassifierCircuit(
            program ?? QsharpProgram.BuiltIn(),
            $"{Namespace}.{operation}",
            qubits,
            FeatureCount(encoding, qubits),
            WeightCount(ansatz, qubits, layers));
    }

    /// <summary>The paper's quantum layer: 4 qubits, amplitude encoding, 2 BasicEntanglerLayers.</summary>
    public static ClassifierCircuit Paper(QsharpProgram? program = null) => Create(Encoding.Amplitude, Ansatz.BasicEntangler, 4, 2, program);

    public static int FeatureCount(Encoding encoding, int qubits) =>
        encoding == Encoding.Amplitude ? (1 << qubits) - 1 : qubits;

    /// <summary>Inputs the classical network must deliver: 2ⁿ amplitudes or n angles.</summary>
    public static int InputWidth(Encoding encoding, int qubits) =>
        encoding == Encoding.Amplitude ? 1 << qubits : qubits;

    public static int WeightCount(Ansatz ansatz, int qubits, int layers) =>
        ansatz == Ansatz.BasicEntangler ? qubits * layers : 3 * qubits * layers;
}
