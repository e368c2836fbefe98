using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical;

/// <summary>
/// The encodings as the layer computed them before they moved into C#: differentiable TorchSharp
/// ops, whose values and autograd gradients the C# encodings must reproduce.
/// </summary>
public static class TorchEncodingReference
{
    /// <summary>RY-tree angles (B × 2ⁿ-1) of |x| L2-normalised, level by level: 2·atan2(‖right half‖, ‖left half‖).</summary>
    public static Tensor AmplitudeTreeAngles(Tensor amplitudes)
    {
        var width = amplitudes.shape[^1];
        var qubits = (int)Math.Log2(width);
        using var scope = NewDisposeScope();
        var batch = amplitudes.shape[0];
        var magnitudes = nn.functional.normalize(amplitudes.abs(), p: 2, dim: 1);
        var levels = new List<Tensor>(qubits);
        for (var level = 0; level < qubits; level++)
        {
            var blocks = magnitudes.reshape(batch, 1L << level, 2, width >> (level + 1));
            var halves = linalg.vector_norm(blocks, ord: 2, dims: [3]);
            levels.Add(2 * atan2(halves[.., .., 1], halves[.., .., 0]));
        }

        return cat(levels, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Each sample scaled into [-π, π] by its largest absolute value (floored at 1e-12).</summary>
    public static Tensor AngleScaling(Tensor inputs)
    {
        using var scope = NewDisposeScope();
        var scale = inputs.abs().amax([1], keepdim: true).clamp_min(1e-12);
        return (inputs / scale * Math.PI).MoveToOuterDisposeScope();
    }
}
