namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// The expectations of each circuit's observables and their derivatives with respect to the tape
/// parameters: <see cref="Values"/> is circuits × outputs, <see cref="Jacobian"/> circuits × outputs × parameters, row-major.
/// </summary>
public sealed record TapeJacobian(int Circuits, int Outputs, int Parameters, double[] Values, double[] Jacobian)
{
    public double this[int circuit, int output, int parameter] => Jacobian[(((circuit * Outputs) + output) * Parameters) + parameter];

    /// <summary>The vector-Jacobian product with output gradients g (circuits × outputs): per circuit Σ_o g[c, o] J[c, o, :].</summary>
    public TapeVectorJacobianProduct Contract(ReadOnlySpan<double> outputGradients)
    {
        if (outputGradients.Length != Circuits * Outputs)
        {
            throw new ArgumentException($"Expected {Circuits} x {Outputs} output gradients, got {outputGradients.Length}.", nameof(outputGradients));
        }

        var gradients = new double[Circuits * Parameters];
        for (var c = 0; c < Circuits; c++)
        {
            var row = gradients.AsSpan(c * Parameters, Parameters);
            for (var o = 0; o < Outputs; o++)
            {
                var g = outputGradients[(c * Outputs) + o];
                var jacobian = Jacobian.AsSpan(((c * Outputs) + o) * Parameters, Parameters);
                for (var p = 0; p < Parameters; p++)
                {
                    row[p] += g * jacobian[p];
                }
            }
        }

        return new TapeVectorJacobianProduct(Circuits, Outputs, Parameters, Values, gradients);
    }
}
