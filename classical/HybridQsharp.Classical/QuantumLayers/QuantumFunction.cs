using System.Diagnostics;
using HybridQsharp.Quantum.Gradients;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// The quantum layer as one autograd node: inputs → encoding features (C#) → circuit
/// expectations (backend), and backward the vector-Jacobian product through both, the chain rule
/// through the encoding done in C#. The inputs cross into float64 once and the outputs back once;
/// no TorchSharp op runs on the 16-wide tensors in between. When the gradient method makes the
/// Jacobian as cheap as a gradient (parameter shift: every shifted circuit of the batch in one
/// backend request) forward computes values and Jacobian together and backward only contracts
/// it; otherwise (adjoint) forward computes values and backward the vector-Jacobian product.
/// </summary>
public sealed class QuantumFunction : autograd.SingleTensorFunction<QuantumFunction>
{
    private const string SavedKey = "quantum";

    public override string Name => nameof(QuantumFunction);

    /// <summary>
    /// Applies encoding and circuit to <paramref name="input"/> (B × encoding.InputWidth, float32 or float64) with <paramref name="weights"/> (W).
    /// </summary>
    public static Tensor Apply(Tensor input, Tensor weights, QuantumCircuitExecution execution, IEncodingMap encoding) =>
        apply(input, weights, execution, encoding, is_grad_enabled() && (input.requires_grad || weights.requires_grad));

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var input = (Tensor)vars[0];
        var weights = (Tensor)vars[1];
        var execution = (QuantumCircuitExecution)vars[2];
        var encoding = (IEncodingMap)vars[3];
        var differentiate = (bool)vars[4];

        var start = Stopwatch.GetTimestamp();
        var batch = (int)input.shape[0];
        var inputs = ToDoubles(input);
        var parameters = ParameterRows(encoding, inputs, ToDoubles(weights), batch);
        execution.Timings.AddEncoding(start);

        double[] values;
        if (!differentiate)
        {
            values = execution.Expectations(parameters, batch);
        }
        else if (execution.Gradient.PrefersVectorJacobianProduct)
        {
            values = execution.Expectations(parameters, batch);
            ctx.save_data(SavedKey, new Saved(execution, encoding, inputs, parameters, null, input.dtype, weights.dtype));
        }
        else
        {
            var jacobian = execution.Jacobian(parameters, batch);
            values = jacobian.Values;
            ctx.save_data(SavedKey, new Saved(execution, encoding, inputs, parameters, jacobian, input.dtype, weights.dtype));
        }

        start = Stopwatch.GetTimestamp();
        var output = FromDoubles(values, [batch, execution.Tape.OutputCount], input.dtype);
        execution.Timings.AddEncoding(start);
        return output;
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var saved = (Saved)ctx.get_data(SavedKey);
        var (execution, encoding) = (saved.Execution, saved.Encoding);
        var batch = saved.Inputs.Length / encoding.InputWidth;
        var outputGradients = ToDoubles(grad_output);
        TapeVectorJacobianProduct product;
        if (saved.Jacobian is { } jacobian)
        {
            var contracting = Stopwatch.GetTimestamp();
            product = jacobian.Contract(outputGradients);
            execution.Timings.AddCircuitBackward(contracting);
        }
        else
        {
            product = execution.VectorJacobianProduct(saved.Parameters, outputGradients, batch);
        }

        var start = Stopwatch.GetTimestamp();
        var (features, width) = (encoding.FeatureCount, product.Parameters);
        var weightCount = width - features;
        var inputGradient = new double[saved.Inputs.Length];
        var weightGradient = new double[weightCount];
        for (var b = 0; b < batch; b++)
        {
            var row = product.ParameterGradients.AsSpan(b * width, width);
            encoding.Backward(saved.Inputs.AsSpan(b * encoding.InputWidth, encoding.InputWidth), row[..features],
                inputGradient.AsSpan(b * encoding.InputWidth, encoding.InputWidth));
            for (var w = 0; w < weightCount; w++)
            {
                weightGradient[w] += row[features + w];
            }
        }

        var gradients = new List<Tensor>
        {
            FromDoubles(inputGradient, [batch, encoding.InputWidth], saved.InputType),
            FromDoubles(weightGradient, [weightCount], saved.WeightsType),
            null!,
            null!,
            null!,
        };
        execution.Timings.AddEncoding(start);
        return gradients;
    }

    private static double[] ParameterRows(IEncodingMap encoding, double[] inputs, double[] weights, int batch)
    {
        var width = encoding.FeatureCount + weights.Length;
        var rows = new double[batch * width];
        for (var b = 0; b < batch; b++)
        {
            var row = rows.AsSpan(b * width, width);
            encoding.Forward(inputs.AsSpan(b * encoding.InputWidth, encoding.InputWidth), row[..encoding.FeatureCount]);
            weights.CopyTo(row[encoding.FeatureCount..]);
        }

        return rows;
    }

    private static double[] ToDoubles(Tensor tensor)
    {
        var values = new double[tensor.numel()];
        using var contiguous = tensor.is_contiguous() ? null : tensor.contiguous();
        var source = contiguous ?? tensor;
        if (source.dtype == ScalarType.Float64)
        {
            source.data<double>().CopyTo(values, 0, 0);
            return values;
        }

        using var converted = source.dtype == ScalarType.Float32 ? null : source.to(ScalarType.Float32);
        var floats = (converted ?? source).data<float>().ToArray();
        for (var i = 0; i < floats.Length; i++)
        {
            values[i] = floats[i];
        }

        return values;
    }

    private static Tensor FromDoubles(double[] values, long[] shape, ScalarType type)
    {
        if (type == ScalarType.Float64)
        {
            return tensor(values, shape, ScalarType.Float64);
        }

        var floats = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            floats[i] = (float)values[i];
        }

        var result = tensor(floats, shape, ScalarType.Float32);
        return type == ScalarType.Float32 ? result : result.to(type);
    }

    // Saved as data, not as tensors: none of it is an input or an output of the function.
    private sealed record Saved(QuantumCircuitExecution Execution, IEncodingMap Encoding, double[] Inputs, double[] Parameters,
        TapeJacobian? Jacobian,
        ScalarType InputType, ScalarType WeightsType);
}
