using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Quantum.Circuits;

/// <summary>The classifiers defined in quantum/src/Classifiers.qs, chosen by encoding and <see cref="AnsatzCatalog"/> entry.</summary>
public static class BuiltInClassifiers
{
    public const string Namespace = "HybridQsharp.Classifiers";

    /// <summary>
    /// The classifier for <paramref name="encoding"/> and <paramref name="ansatz"/>, its shape read from its Q#
    /// shape function, as for a user's circuit.
    /// </summary>
    /// <exception cref="ArgumentException">The ansatz does not support the encoding.</exception>
    /// <exception cref="ClassifierShapeException">The shape function refuses the size (e.g. too many QCNN levels for the qubits).</exception>
    public static Task<ClassifierCircuit> LoadAsync(
        QsharpRuntime runtime, Encoding encoding, AnsatzDefinition ansatz, int qubits, int layers, QsharpProgram? program = null,
        CancellationToken cancellationToken = default)
    {
        CheckSize(encoding, qubits, layers);
        var operation = ansatz.OperationFor(encoding);
        return ClassifierCircuit.LoadAsync(runtime, program ?? QsharpProgram.BuiltIn(), operation, qubits, layers, cancellationToken);
    }

    /// <summary>
    /// The classifier for a legacy <see cref="Ansatz"/> without asking Q# for its shape: a shim for callers that
    /// cannot await, whose counts the tests check against the Q# shape functions. New code uses <see cref="LoadAsync"/>.
    /// </summary>
    public static ClassifierCircuit Create(Encoding encoding, Ansatz ansatz, int qubits, int layers, QsharpProgram? program = null)
    {
        CheckSize(encoding, qubits, layers);
        return new ClassifierCircuit(
            program ?? QsharpProgram.BuiltIn(),
            AnsatzCatalog.Of(ansatz).OperationFor(encoding),
            qubits,
            FeatureCount(encoding, qubits),
            WeightCount(ansatz, qubits, layers))
        {
            FeatureRange = FeatureRange(encoding),
        };
    }

    /// <summary>The paper's quantum layer: 4 qubits, amplitude encoding, 2 BasicEntanglerLayers.</summary>
    public static ClassifierCircuit Paper(QsharpProgram? program = null) => Create(Encoding.Amplitude, Ansatz.BasicEntangler, 4, 2, program);

    public static int FeatureCount(Encoding encoding, int qubits) =>
        encoding == Encoding.Amplitude ? (1 << qubits) - 1 : qubits;

    /// <summary>Inputs the classical network must deliver: 2ⁿ amplitudes or n angles.</summary>
    public static int InputWidth(Encoding encoding, int qubits) =>
        encoding == Encoding.Amplitude ? 1 << qubits : qubits;

    /// <summary>The range of the encoding's features: tree angles in [0, π], scaled angles in [-π, π].</summary>
    public static ParameterRange FeatureRange(Encoding encoding) =>
        encoding == Encoding.Amplitude ? ParameterRange.TreeAngles : ParameterRange.SymmetricAngles;

    /// <summary>Weights of a legacy <see cref="Ansatz"/> (the shim's counts).</summary>
    public static int WeightCount(Ansatz ansatz, int qubits, int layers) =>
        ansatz == Ansatz.BasicEntangler ? qubits * layers : 3 * qubits * layers;

    private static void CheckSize(Encoding encoding, int qubits, int layers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        if (encoding == Encoding.Amplitude && qubits > 20)
        {
            throw new ArgumentOutOfRangeException(
                nameof(qubits), qubits, "Amplitude encoding takes 2ⁿ - 1 angles; more than 20 qubits is not supported.");
        }
    }
}
