using static TorchSharp.torch;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// The angle-encoding variant's input map: each sample scaled into [-π, π] by its largest
/// absolute value, as the paper's 2-qubit script does before RY(x_i).
/// </summary>
/// <remarks>
/// Per sample rather than per batch, so a sample's prediction does not depend on what else is in
/// its batch (inference on single samples and on hardware must agree with training).
/// </remarks>
public static class AngleScaling
{
    private const double Floor = 1e-12;

    public static Tensor Compute(Tensor inputs)
    {
        using var scope = NewDisposeScope();
        var scale = inputs.abs().amax([1], keepdim: true).clamp_min(Floor);
        return (inputs / scale * Math.PI).MoveToOuterDisposeScope();
    }
}
