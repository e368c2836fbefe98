namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// The angle-encoding variant's input map: each sample scaled into [-π, π] by its largest
/// absolute value, as the paper's 2-qubit script does before RY(x_i), f_i = x_i / s · π with
/// s = max(max_j |x_j|, 10⁻¹²).
/// </summary>
/// <remarks>
/// Per sample rather than per batch, so a sample's prediction does not depend on what else is in
/// its batch (inference on single samples and on hardware must agree with training). The
/// derivative follows TorchSharp's rules for the ops it replaces: the scale's gradient reaches the
/// maximum (split evenly between ties, through sign(x)) only while the maximum is at or above the floor.
/// </remarks>
public sealed class AngleScaling(int features) : IEncodingMap
{
    private const double Floor = 1e-12;

    public int InputWidth => features;

    public int FeatureCount => features;

    public void Forward(ReadOnlySpan<double> input, Span<double> features)
    {
        var scale = Math.Max(MaxAbs(input), Floor);
        for (var i = 0; i < input.Length; i++)
        {
            features[i] = input[i] / scale * Math.PI;
        }
    }

    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> featureGradient, Span<double> inputGradient)
    {
        var max = MaxAbs(input);
        var scale = Math.Max(max, Floor);
        var scaleGradient = 0.0;
        for (var i = 0; i < input.Length; i++)
        {
            inputGradient[i] = featureGradient[i] / scale * Math.PI;
            scaleGradient -= featureGradient[i] * Math.PI * input[i] / (scale * scale);
        }

        if (max < Floor)
        {
            return;
        }

        var ties = 0;
        foreach (var x in input)
        {
            ties += Math.Abs(x) == max ? 1 : 0;
        }

        for (var i = 0; i < input.Length; i++)
        {
            if (Math.Abs(input[i]) == max)
            {
                inputGradient[i] += scaleGradient / ties * Math.Sign(input[i]);
            }
        }
    }

    private static double MaxAbs(ReadOnlySpan<double> input)
    {
        var max = 0.0;
        foreach (var x in input)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        return max;
    }
}
