namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// ⟨Z_i⟩ of each circuit and their derivatives with respect to the tape parameters:
/// <see cref="Values"/> is circuits × outputs, <see cref="Jacobian"/> circuits × outputs × parameters, row-major.
/// </summary>
public sealed record TapeJacobian(int Circuits, int Outputs, int Parameters, double[] Values, double[] Jacobian)
{
    public double this[int circuit, int output, int parameter] => Jacobian[(((circuit * Outputs) + output) * Parameters) + parameter];
}
