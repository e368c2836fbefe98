namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// The classical map from a quantum layer's inputs to the circuit's feature parameters, one
/// sample at a time, with its vector-Jacobian product: computed in C# inside the layer's single
/// autograd node, so the encoding costs no TorchSharp ops (each a native call and an autograd
/// node on a 16-wide tensor) and crosses the float32/float64 boundary once.
/// </summary>
public interface IEncodingMap
{
    /// <summary>Inputs per sample.</summary>
    int InputWidth { get; }

    /// <summary>Circuit features per sample.</summary>
    int FeatureCount { get; }

    /// <summary>The features of one sample.</summary>
    void Forward(ReadOnlySpan<double> input, Span<double> features);

    /// <summary>The gradient with respect to one sample's inputs, given the gradient with respect to its features.</summary>
    void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> featureGradient, Span<double> inputGradient);
}
