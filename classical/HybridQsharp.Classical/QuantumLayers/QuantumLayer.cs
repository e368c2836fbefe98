// The fields are TorchSharp submodules and parameters: RegisterComponents() names them after the field, and those
// names are the checkpoint's state_dict keys, so they keep their names rather than the _camelCase of private fields.
#pragma warning disable IDE1006
using HybridQsharp.Quantum.Circuits;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// A TorchSharp module wrapping a Q#-defined classifier circuit: inputs (B × 2ⁿ amplitudes for
/// amplitude encoding, B × features for angle encoding) become encoding angles and run through the
/// circuit in one autograd node (<see cref="QuantumFunction"/>); the output is the expectation of
/// each of the tape's observables (B × outputs; Z on each qubit by default).
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
        {
            throw new ArgumentException($"{circuit.Operation} takes {circuit.FeatureCount} features, which does not fit {encoding} encoding on " +
                $"{circuit.Qubits} qubits.", nameof(encoding));
        }

        Execution = execution;
        Encoding = encoding;
        EncodingMap = encoding == Encoding.Amplitude ? new AmplitudeTreeAngles(circuit.Qubits) : new AngleScaling(circuit.FeatureCount);
        weights = new Parameter(rand([circuit.WeightCount], generator: generator) * (2 * Math.PI));
        RegisterComponents();
    }

    public QuantumCircuitExecution Execution { get; }

    public Encoding Encoding { get; }

    /// <summary>The inputs-to-features map of <see cref="Encoding"/>, with its derivative.</summary>
    public IEncodingMap EncodingMap { get; }

    /// <summary>Inputs the layer expects per sample: 2ⁿ amplitudes, or one angle per feature the circuit reads.</summary>
    public int InputWidth => EncodingMap.InputWidth;

    /// <summary>Outputs per sample: one expectation per observable of the tape.</summary>
    public int OutputWidth => Execution.Tape.OutputCount;

    public Parameter Weights => weights;

    /// <summary>What the reducer must deliver for <paramref name="circuit"/>: 2ⁿ amplitudes, or one value per feature.</summary>
    public static int InputWidthFor(ClassifierCircuit circuit, Encoding encoding) =>
        encoding == Encoding.Amplitude ? 1 << circuit.Qubits : circuit.FeatureCount;

    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 2 || input.shape[1] != InputWidth)
        {
            throw new ArgumentException($"The quantum layer expects {InputWidth} inputs per sample, got shape [{string.Join(", ", input.shape)}].",
                nameof(input));
        }

        return QuantumFunction.Apply(input, weights, Execution, EncodingMap);
    }

    /// <summary>The circuit's feature parameters for <paramref name="input"/> (B × features, float64, not differentiable).</summary>
    public Tensor EncodingAngles(Tensor input)
    {
        var batch = (int)input.shape[0];
        using var doubles = input.to(ScalarType.Float64);
        using var contiguous = doubles.contiguous();
        var values = contiguous.data<double>().ToArray();
        var features = new double[batch * EncodingMap.FeatureCount];
        for (var b = 0; b < batch; b++)
        {
            EncodingMap.Forward(values.AsSpan(b * InputWidth, InputWidth), features.AsSpan(b * EncodingMap.FeatureCount, EncodingMap.FeatureCount));
        }

        return tensor(features, [batch, EncodingMap.FeatureCount], ScalarType.Float64);
    }
}
