using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Circuits;

/// <summary>
/// A Q# classifier operation <c>(features : Double[], weights : Double[], qubits : Qubit[]) =&gt; Unit</c>
/// with its shape: the circuit parameters are the features followed by the weights, and its
/// outputs are the expectations of <see cref="Observables"/> (Z on each qubit unless declared).
/// </summary>
public sealed record ClassifierCircuit(QsharpProgram Program, string Operation, int Qubits, int FeatureCount, int WeightCount)
{
    /// <summary>The observables whose expectations are the outputs, in output order.</summary>
    public IReadOnlyList<PauliString> Observables { get; init; } = PauliString.ZOnEach(Qubits);

    /// <summary>The range the features take in training; the lift is verified over it.</summary>
    public ParameterRange FeatureRange { get; init; } = ParameterRange.SymmetricAngles;

    public int ParameterCount => FeatureCount + WeightCount;

    /// <summary>The circuit with the counts, observables and feature range its shape function declared.</summary>
    public static ClassifierCircuit FromShape(QsharpProgram program, string operation, int qubits, ClassifierShape shape) =>
        new(program, operation, qubits, shape.FeatureCount, shape.WeightCount) { Observables = shape.Observables, FeatureRange = shape.FeatureRange };

    /// <summary>Reads the shape of <paramref name="operation"/> from its Q# shape function (see <see cref="ClassifierShapeReader"/>).</summary>
    /// <exception cref="ClassifierShapeException">The shape function is missing or declares nonsense.</exception>
    public static async Task<ClassifierCircuit> LoadAsync(
        QsharpRuntime runtime, QsharpProgram program, string operation, int qubits, int layers, CancellationToken cancellationToken = default) =>
        FromShape(program, operation, qubits, await ClassifierShapeReader.ReadAsync(runtime, program, operation, qubits, layers, cancellationToken));

    /// <summary>The name of parameter <paramref name="index"/>, as in the Q# signature.</summary>
    public string ParameterName(int index) =>
        index < FeatureCount ? $"features[{index}]" : $"weights[{index - FeatureCount}]";

    /// <summary>The range parameter <paramref name="index"/> takes in training.</summary>
    public ParameterRange RangeOf(int index) => index < FeatureCount ? FeatureRange : ParameterRange.Weights;

    /// <summary>A parameter vector drawn uniformly from the training ranges.</summary>
    public double[] RandomPoint(Random random) => Enumerable.Range(0, ParameterCount).Select(k => RangeOf(k).Draw(random)).ToArray();

    /// <summary>Splits a flat parameter vector into the operation's two Double[] arguments.</summary>
    public double[][] Arguments(ReadOnlySpan<double> parameters) =>
        [parameters[..FeatureCount].ToArray(), parameters.Slice(FeatureCount, WeightCount).ToArray()];
}
