using HybridQsharp.Quantum.Gradients;
using TorchSharp;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// The custom autograd function behind <see cref="QuantumLayer"/>: forward evaluates ⟨Z_i⟩ of
/// the whole batch through the backend; when a gradient will be needed it asks the gradient
/// method for values and Jacobian in the same call (for parameter shift: every shifted circuit of
/// the batch in one backend request), and backward contracts that Jacobian with the incoming
/// gradient.
/// </summary>
public sealed class QuantumFunction : autograd.SingleTensorFunction<QuantumFunction>
{
    private const string JacobianKey = "jacobian";

    public override string Name => nameof(QuantumFunction);

    /// <summary>Applies the circuit: <paramref name="features"/> (B × F, float64), <paramref name="weights"/> (W).</summary>
    public static Tensor Apply(Tensor features, Tensor weights, QuantumCircuitExecution execution) =>
        apply(features, weights, execution, is_grad_enabled() && (features.requires_grad || weights.requires_grad));

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var features = (Tensor)vars[0];
        var weights = (Tensor)vars[1];
        var execution = (QuantumCircuitExecution)vars[2];
        var differentiate = (bool)vars[3];

        var batch = (int)features.shape[0];
        var featureCount = execution.Circuit.FeatureCount;
        if (features.dim() != 2 || features.shape[1] != featureCount)
            throw new ArgumentException($"The quantum layer expects {featureCount} encoding angles per sample, got shape [{string.Join(", ", features.shape)}].");
        var parameters = ParameterRows(features, weights, batch, featureCount);
        var qubits = execution.Circuit.Qubits;

        double[] values;
        if (differentiate)
        {
            var jacobian = execution.Jacobian(parameters, batch);
            values = jacobian.Values;
            ctx.save_data(JacobianKey, new SavedJacobian(jacobian, featureCount, weights.dtype));
        }
        else
        {
            values = execution.Expectations(parameters, batch);
        }

        return tensor(values, [batch, qubits], ScalarType.Float64);
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var (jacobian, featureCount, weightsType) = (SavedJacobian)ctx.get_data(JacobianKey);
        using var scope = NewDisposeScope();
        using var j = tensor(jacobian.Jacobian, [jacobian.Circuits, jacobian.Outputs, jacobian.Parameters], ScalarType.Float64);
        var perSample = einsum("bq,bqp->bp", grad_output.to(ScalarType.Float64), j);
        var featureGradient = perSample[.., ..featureCount];
        var weightGradient = perSample[.., featureCount..].sum(dim: 0).to(weightsType);
        return [featureGradient.MoveToOuterDisposeScope(), weightGradient.MoveToOuterDisposeScope(), null!, null!];
    }

    // Saved as data, not as a tensor: it is neither an input nor an output of the function.
    private sealed record SavedJacobian(TapeJacobian Jacobian, int FeatureCount, ScalarType WeightsType);

    private static double[] ParameterRows(Tensor features, Tensor weights, int batch, int featureCount)
    {
        var f = features.to(ScalarType.Float64).contiguous().data<double>().ToArray();
        var w = weights.to(ScalarType.Float64).contiguous().data<double>().ToArray();
        var width = featureCount + w.Length;
        var rows = new double[batch * width];
        for (var b = 0; b < batch; b++)
        {
            f.AsSpan(b * featureCount, featureCount).CopyTo(rows.AsSpan(b * width));
            w.CopyTo(rows.AsSpan((b * width) + featureCount));
        }

        return rows;
    }
}
