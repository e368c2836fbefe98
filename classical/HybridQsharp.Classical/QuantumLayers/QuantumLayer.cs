using HybridQsharp.Quantum.Circuits;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// A TorchSharp module wrapping a Q#-defined classifier circuit: inputs (B × 2ⁿ amplitudes for
/// amplitude encoding, B × n for angle encoding) become encoding angles with differentiable
/// ops, the circuit runs through <see cref="QuantumFunction"/>, and the output is ⟨Z_i⟩ (B × n).
/// </summary>
public sealed class QuantumLayer : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weights;

    /// <param name="execution">The circuit's tape, backend and gradient method.</param>
    /// <param name="encoding">How the inputs enter the circuit; must match the circuit's features.</param>
    /// <param name="generator">Initialisation randomness (weights uniform in [0, 2π), as PennyLane's TorchLayer).</param>
    public QuantumLayer(QuantumCircuitExecution execution, Encoding encoding, Generator? generator = null)
        : base(nameof(QuantumLayer))
    {
        var circuit = execution.Circuit;
        if (BuiltInClassifiers.FeatureCount(encoding, circuit.Qubits) != circuit.FeatureCount)
            throw new ArgumentException($"{circuit.Operation} takes {circuit.FeatureCount} features, which does not fit {encoding} encoding on {circuit.Qubits} qubits.", nameof(encoding));
        Execution = execution;
        Encoding = encoding;
        weights = new Parameter(rand([circuit.WeightCount], generator: generator) * (2 * Math.PI));
        RegisterComponents();
    }

    public QuantumCircuitExecution Execution { get; }

    public Encoding Encoding { get; }

    /// <summary>Inputs the layer expects per sample.</summary>
    public int InputWidth => BuiltInClassifiers.InputWidth(Encoding, Execution.Circuit.Qubits);

    /// <summary>Outputs per sample: one ⟨Z⟩ per qubit.</summary>
    public int OutputWidth => Execution.Circuit.Qubits;

    public Parameter Weights => weights;

    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 2 || input.shape[1] != InputWidth)
            throw new ArgumentException($"The quantum layer expects {InputWidth} inputs per sample, got shape [{string.Join(", ", input.shape)}].", nameof(input));
        using var scope = NewDisposeScope();
        var features = EncodingAngles(input.to(ScalarType.Float64));
        return QuantumFunction.Apply(features, weights, Execution).to(input.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>The circuit's feature parameters for <paramref name="input"/>, differentiable.</summary>
    public Tensor EncodingAngles(Tensor input) =>
        Encoding == Encoding.Amplitude ? AmplitudeTreeAngles.Compute(input) : AngleScaling.Compute(input);
}
