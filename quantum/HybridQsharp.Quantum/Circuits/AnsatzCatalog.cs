namespace HybridQsharp.Quantum.Circuits;

/// <summary>
/// The ansatzes the project ships, one entry each: adding one is its Q# file (the ansatz, a
/// classifier per encoding in Classifiers.qs with its shape function) plus one entry here.
/// </summary>
public static class AnsatzCatalog
{
    private const string Namespace = BuiltInClassifiers.Namespace;

    public static AnsatzDefinition Basic { get; } = Entry("basic", "BasicEntanglerLayers: RX per qubit and a CNOT ring (the paper's)",
        amplitude: "AmplitudeClassifier", angle: "AngleClassifier");

    public static AnsatzDefinition Strong { get; } = Entry("strong", "StronglyEntanglingLayers: Rot per qubit and ranged CNOTs",
        amplitude: "AmplitudeStronglyEntanglingClassifier", angle: "AngleStronglyEntanglingClassifier");

    public static AnsatzDefinition Reuploading { get; } = Entry("reuploading",
        "data re-uploading (Pérez-Salinas et al. 2020): features encoded again in every layer",
        amplitude: null, angle: "AngleDataReuploadingClassifier");

    public static AnsatzDefinition Qcnn { get; } = Entry("qcnn", "QCNN (Cong et al. 2019): convolution and pooling, measuring the qubits left",
        amplitude: "AmplitudeQcnnClassifier", angle: "AngleQcnnClassifier");

    public static AnsatzDefinition HardwareEfficient { get; } = Entry("hardware-efficient",
        "hardware-efficient (Kandala et al. 2017): RY, RZ per qubit and a CZ ladder",
        amplitude: "AmplitudeHardwareEfficientClassifier", angle: "AngleHardwareEfficientClassifier");

    public static IReadOnlyList<AnsatzDefinition> All { get; } = [Basic, Strong, Reuploading, Qcnn, HardwareEfficient];

    public static IReadOnlyList<string> Keys { get; } = All.Select(a => a.Key).ToArray();

    /// <summary>The ansatz named <paramref name="key"/> (case-insensitive).</summary>
    /// <exception cref="FormatException">No ansatz has that key; the message lists the known keys.</exception>
    public static AnsatzDefinition Parse(string key) =>
        All.FirstOrDefault(a => a.Key.Equals(key.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new FormatException($"unknown ansatz '{key}'; expected one of: {string.Join(", ", Keys)}");

    /// <summary>The entry for the legacy <see cref="Ansatz"/> enum.</summary>
    public static AnsatzDefinition Of(Ansatz ansatz) => ansatz switch
    {
        Ansatz.BasicEntangler => Basic,
        Ansatz.StronglyEntangling => Strong,
        _ => throw new ArgumentOutOfRangeException(nameof(ansatz), ansatz, null),
    };

    private static AnsatzDefinition Entry(string key, string title, string? amplitude, string? angle)
    {
        var operations = new Dictionary<Encoding, string>();
        if (amplitude is not null)
        {
            operations[Encoding.Amplitude] = $"{Namespace}.{amplitude}";
        }

        if (angle is not null)
        {
            operations[Encoding.Angle] = $"{Namespace}.{angle}";
        }

        return new AnsatzDefinition(key, title, operations);
    }
}
