namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// The RY-tree angles of Möttönen state preparation and their derivatives: the same function as
/// Q#'s <c>HybridQsharp.Encoding.AmplitudeTreeAngles</c>, applied to |x| as the paper does
/// before AmplitudeEmbedding.
/// </summary>
/// <remarks>
/// Level ℓ splits each block of 2ⁿ⁻ˡ magnitudes into halves with norms L and R and takes
/// 2·atan2(R, L); levels are concatenated in order, giving 2ⁿ - 1 angles. The paper's L2
/// normalisation is left out because every angle is invariant under scaling, so neither the
/// angles nor their gradient change (the normalisation's Jacobian only removes the radial
/// component, which a scale-invariant function's gradient does not have). Derivatives:
/// d angle / dm_i = 2 L m_i / (R (L² + R²)) in the right half, −2 R m_i / (L (L² + R²)) in the
/// left, and 0 where a half's norm is 0 (as TorchSharp's norm backward does); then times sign(x_i).
/// </remarks>
public sealed class AmplitudeTreeAngles : IEncodingMap
{
    private readonly int _qubits;

    public AmplitudeTreeAngles(int qubits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        _qubits = qubits;
    }

    public int InputWidth => 1 << _qubits;

    public int FeatureCount => (1 << _qubits) - 1;

    public void Forward(ReadOnlySpan<double> input, Span<double> features)
    {
        Span<double> squares = stackalloc double[2 * InputWidth];
        BlockSquares(input, squares);
        for (var node = 1; node < InputWidth; node++)
        {
            features[node - 1] = 2 * Math.Atan2(Math.Sqrt(squares[(2 * node) + 1]), Math.Sqrt(squares[2 * node]));
        }
    }

    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> featureGradient, Span<double> inputGradient)
    {
        var width = InputWidth;
        Span<double> squares = stackalloc double[2 * width];
        BlockSquares(input, squares);

        // Per node: the factor by which a magnitude in its left or right half enters the node's angle.
        Span<double> leftFactor = stackalloc double[width];
        Span<double> rightFactor = stackalloc double[width];
        for (var node = 1; node < width; node++)
        {
            double left2 = squares[2 * node], right2 = squares[(2 * node) + 1];
            double left = Math.Sqrt(left2), right = Math.Sqrt(right2);
            var total = left2 + right2;
            var g = featureGradient[node - 1];
            leftFactor[node] = left > 0 && total > 0 ? -2 * g * right / (left * total) : 0;
            rightFactor[node] = right > 0 && total > 0 ? 2 * g * left / (right * total) : 0;
        }

        for (var i = 0; i < width; i++)
        {
            // Walk from the leaf up: at each ancestor the leaf lies in its left or right half.
            var sum = 0.0;
            for (var node = width + i; node > 1; node >>= 1)
            {
                var parent = node >> 1;
                sum += (node & 1) == 0 ? leftFactor[parent] : rightFactor[parent];
            }

            var magnitude = Math.Abs(input[i]);
            inputGradient[i] = Math.Sign(input[i]) * magnitude * sum;
        }
    }

    // A heap over the magnitudes' squares: leaves at [width + i], node k the sum of 2k and 2k + 1,
    // so node k's left half is 2k and right half 2k + 1; the root is 1 and level ℓ holds nodes 2^ℓ … 2^(ℓ+1) - 1.
    private void BlockSquares(ReadOnlySpan<double> input, Span<double> squares)
    {
        var width = InputWidth;
        for (var i = 0; i < width; i++)
        {
            squares[width + i] = input[i] * input[i];
        }

        for (var node = width - 1; node >= 1; node--)
        {
            squares[node] = squares[2 * node] + squares[(2 * node) + 1];
        }
    }
}
