using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Quantum.Circuits;

/// <summary>
/// A Q# classifier operation <c>(features : Double[], weights : Double[], qubits : Qubit[]) =&gt; Unit</c>
/// with its sizes: the circuit parameters are the features followed by the weights, and its
/// outputs are ⟨Z⟩ on each qubit.
/// </summary>
public sealed record ClassifierCircuit(QsharpProgram Program, string Operation, int Qubits, int FeatureCount, int WeightCount)
{
    public int ParameterCount => FeatureCount + WeightCount;

    /// <summary>The name of parameter <paramref name="index"/>, as in the Q# signature.</summary>
    public string ParameterName(int index) =>
        index < FeatureCount ? $"features[{index}]" : $"weights[{index - FeatureCount}]";

    /// <summary>Splits a flat parameter vector into the operation's two Double[] arguments.</summary>
    public double[][] Arguments(ReadOnlySpan<double> parameters) =>
        [parameters[..FeatureCount].ToArray(), parameters.Slice(FeatureCount, WeightCount).ToArray()];
}
