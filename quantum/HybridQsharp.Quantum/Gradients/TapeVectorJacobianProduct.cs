namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// Values (circuits × outputs) and, per circuit, the gradient of the output-gradient-weighted sum
/// of the outputs with respect to the parameters (circuits × parameters), row-major.
/// </summary>
public sealed record TapeVectorJacobianProduct(int Circuits, int Outputs, int Parameters, double[] Values, double[] ParameterGradients);
