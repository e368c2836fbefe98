using static TorchSharp.torch;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// The RY-tree angles of Möttönen state preparation, computed with differentiable TorchSharp
/// ops so the loss reaches the reducer: the same function as Q#'s
/// <c>HybridQsharp.Encoding.AmplitudeTreeAngles</c>, batched.
/// </summary>
/// <remarks>
/// Level ℓ splits each block of 2ⁿ⁻ˡ amplitudes into halves and takes
/// 2·atan2(‖right‖, ‖left‖); levels are concatenated in order, giving 2ⁿ - 1 angles. Amplitudes
/// are abs()'d and L2-normalised first, as the paper does before AmplitudeEmbedding; the angles
/// do not depend on the scale, but the normalisation keeps the state the one the paper prepares.
/// </remarks>
public static class AmplitudeTreeAngles
{
    /// <summary>Angles (B × 2ⁿ-1) for amplitudes (B × 2ⁿ).</summary>
    public static Tensor Compute(Tensor amplitudes)
    {
        var width = amplitudes.shape[^1];
        var qubits = (int)Math.Log2(width);
        if (amplitudes.dim() != 2 || qubits < 1 || 1L << qubits != width)
            throw new ArgumentException($"Amplitude encoding needs 2ⁿ amplitudes per sample (n ≥ 1), got shape [{string.Join(", ", amplitudes.shape)}].", nameof(amplitudes));

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
}
