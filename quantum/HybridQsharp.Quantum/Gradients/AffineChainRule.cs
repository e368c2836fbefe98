using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// Turns derivatives with respect to gate angles into derivatives with respect to the
/// parameters: dE/dp_k = Σ_g a_gk · dE/dθ_g, which is what makes shared and scaled
/// parameters (one parameter in many gates, or θ = p/2) come out right.
/// </summary>
public static class AffineChainRule
{
    /// <summary>Adds the parameter gradient of one output, given its angle gradient, into <paramref name="parameterGradient"/>.</summary>
    public static void Accumulate(CircuitTape tape, ReadOnlySpan<double> angleGradient, Span<double> parameterGradient)
    {
        for (var g = 0; g < tape.AngleCount; g++)
        {
            var derivative = angleGradient[g];
            if (derivative == 0)
            {
                continue;
            }

            var angle = tape.Angles[g];
            for (var t = 0; t < angle.ParameterIndices.Length; t++)
            {
                parameterGradient[angle.ParameterIndices[t]] += angle.Coefficients[t] * derivative;
            }
        }
    }
}
