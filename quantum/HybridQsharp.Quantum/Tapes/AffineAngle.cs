namespace HybridQsharp.Quantum.Tapes;

/// <summary>A rotation angle θ = constant + Σ coefficient_k · parameter_k, with the non-zero terms only.</summary>
public sealed record AffineAngle(double Constant, int[] ParameterIndices, double[] Coefficients)
{
    public double Evaluate(ReadOnlySpan<double> parameters)
    {
        var angle = Constant;
        for (var t = 0; t < ParameterIndices.Length; t++)
        {
            angle += Coefficients[t] * parameters[ParameterIndices[t]];
        }

        return angle;
    }

    public bool IsConstant => ParameterIndices.Length == 0;
}
