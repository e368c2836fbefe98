using HybridQsharp.Quantum.Circuits;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// A TorchSharp module wrapping a Q#-defined classifier circuit: inputs (B × 2ⁿ amplitudes for
/// amplitude encoding, B × features for angle encoding) become encoding angles with differentiable
/// ops, the circuit runs through <see cref="QuantumFunction"/>, and the output is the expectation
/// of each observable the circuit declares (B × observables; Z on each qubit by default).
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
        if (encoding == Encoding.Amplitude && BuiltInClassifiers.FeatureCount(encoding, circuit.Qubits) != circuit.FeatureCount)
            throw new ArgumentException($"{circuit.Operation} takes {circuit.FeatureCount} features, which does not fit {encoding} encoding on {circuit.Qubits} qubits.", nameof(encoding));
        Execution = execution;
        Encoding = encoding;
        weights = new Parameter(rand([circuit.WeightCount], generator: generator) * (2 * Math.PI));
        RegisterComponents();
    }

    public QuantumCircuitExecution Execution { get; }

    public Encoding Encoding { get; }

    /// <summary>Inputs the layer expects per sample: 2ⁿ amplitudes, or one angle per feature the circuit reads.</summary>
    public int InputWidth => InputWidthFor(Execution.Circuit, Encoding);

    /// <summary>Outputs per sample: one expectation per observable.</summary>
    public int OutputWidth => Execution.Tape.OutputCount;

    public Parameter Weights => weights;

    /// <summary>What the reducer must deliver for <paramref name="circuit"/>: 2ⁿ amplitudes, or one value per feature.</summary>
    public static int InputWidthFor(ClassifierCircuit circuit, Encoding encoding) =>
        encoding == Encoding.Amplitude ? 1 << circuit.Qubits : circuit.FeatureCount;

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
