using System.Globalization;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using HybridQsharp.Tests.Quantum;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical;

[Collection(QsharpCollection.Name)]
public sealed class QuantumLayerTests(QsharpRuntimeFixture fixture)
{
    private readonly StateVectorSimulator _simulator = new();

    static QuantumLayerTests() => TorchNativeLibrary.EnsureLoaded();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task TreeAnglesEqualTheQsharpFunction(int qubits)
    {
        var random = new Random(qubits);
        var amplitudes = Enumerable.Range(0, 1 << qubits).Select(_ => random.NextDouble() - 0.3).ToArray();
        // The Q# function takes non-negative amplitudes; the layer takes abs() first, as the paper.
        var absolute = string.Join(", ", amplitudes.Select(a => Math.Abs(a).ToString("R", CultureInfo.InvariantCulture)));
        var expected = ParseDoubles(Assert.Single(
            await fixture.Runtime.RunAsync(QsharpProgram.BuiltIn(), $"HybridQsharp.Encoding.AmplitudeTreeAngles([{absolute}])")).Result);

        var actual = new double[(1 << qubits) - 1];
        new AmplitudeTreeAngles(qubits).Forward(amplitudes, actual);
        Assert.Equal(expected, actual, (e, a) => Math.Abs(e - a) < 1e-12);
    }

    /// <summary>The C# encodings reproduce the TorchSharp ops they replace: values and autograd gradients, ties and zero blocks included.</summary>
    [Theory]
    [InlineData(Encoding.Amplitude, 4, false)]
    [InlineData(Encoding.Amplitude, 3, true)]
    [InlineData(Encoding.Angle, 4, false)]
    [InlineData(Encoding.Angle, 5, true)]
    public void EncodingMapsEqualTheTorchOpsTheyReplace(Encoding encoding, int qubits, bool edgeCases)
    {
        IEncodingMap map = encoding == Encoding.Amplitude ? new AmplitudeTreeAngles(qubits) : new AngleScaling(qubits);
        var generator = new Generator(31);
        using var input = (randn([6, map.InputWidth], ScalarType.Float64, generator: generator)).requires_grad_();
        if (edgeCases)
        {
            using var noGrad = no_grad();
            // A row with a tied maximum, and (amplitude) a zero left half in a block.
            input[0, 0] = tensor(1.5, ScalarType.Float64);
            input[0, 1] = tensor(-1.5, ScalarType.Float64);
            input[1, 0] = tensor(0.0, ScalarType.Float64);
            input[1, 1] = tensor(0.0, ScalarType.Float64);
        }

        using var reference = encoding == Encoding.Amplitude ? TorchEncodingReference.AmplitudeTreeAngles(input)
            : TorchEncodingReference.AngleScaling(input);
        using var upstream = randn(reference.shape, ScalarType.Float64, generator: generator);
        using (var loss = (reference * upstream).sum())
        {
            loss.backward();
        }

        var x = input.detach().data<double>().ToArray();
        var expectedValues = reference.detach().data<double>().ToArray();
        var expectedGradient = input.grad!.data<double>().ToArray();
        var g = upstream.data<double>().ToArray();
        var values = new double[expectedValues.Length];
        var gradient = new double[x.Length];
        for (var b = 0; b < 6; b++)
        {
            map.Forward(x.AsSpan(b * map.InputWidth, map.InputWidth), values.AsSpan(b * map.FeatureCount, map.FeatureCount));
            map.Backward(x.AsSpan(b * map.InputWidth, map.InputWidth), g.AsSpan(b * map.FeatureCount, map.FeatureCount),
                gradient.AsSpan(b * map.InputWidth, map.InputWidth));
        }

        Assert.Equal(expectedValues, values, (e, a) => Math.Abs(e - a) < 1e-12);
        Assert.Equal(expectedGradient, gradient, (e, a) => Math.Abs(e - a) < 1e-10);
    }

    /// <summary>
    /// The fused layer (one autograd node, encoding in C#) against the composition it replaced:
    /// TorchSharp encoding ops, then the circuit's Jacobian contracted with the output gradient and
    /// pushed back through those ops by autograd.
    /// </summary>
    [Theory]
    [InlineData(Encoding.Amplitude, false)]
    [InlineData(Encoding.Amplitude, true)]
    [InlineData(Encoding.Angle, false)]
    [InlineData(Encoding.Angle, true)]
    public async Task FusedLayerEqualsTorchEncodingThenCircuit(Encoding encoding, bool adjoint)
    {
        var circuit = BuiltInClassifiers.Create(encoding, Ansatz.BasicEntangler, 4, 2);
        var tape = await fixture.Lifter.LiftAsync(circuit);
        IGradientMethod gradient = adjoint ? AdjointDifferentiation.Instance : ParameterShift.Instance;
        var layer = new QuantumLayer(new QuantumCircuitExecution(circuit, tape, new NativeBackend(_simulator), gradient), encoding, new Generator(5));
        var generator = new Generator(6);
        const int batch = 5;
        using var input = (rand([batch, layer.InputWidth], ScalarType.Float64, generator: generator) - 0.3).requires_grad_();
        using var coefficients = randn([batch, 4], ScalarType.Float64, generator: generator);

        using var output = layer.forward(input);
        using (var loss = (output * coefficients).sum())
        {
            loss.backward();
        }

        // The reference: torch encoding, values and Jacobian from parameter shift, autograd through the encoding.
        using var referenceInput = input.detach().clone().requires_grad_();
        using var features = encoding == Encoding.Amplitude ? TorchEncodingReference.AmplitudeTreeAngles(referenceInput)
            : TorchEncodingReference.AngleScaling(referenceInput);
        var weights = layer.Weights.detach().to(ScalarType.Float64).data<double>().ToArray();
        var f = features.detach().data<double>().ToArray();
        var featureCount = circuit.FeatureCount;
        var rows = Enumerable.Range(0, batch).SelectMany(b => f.Skip(b * featureCount).Take(featureCount).Concat(weights)).ToArray();
        var jacobian = await ParameterShift.Instance.JacobianAsync(tape, new NativeBackend(_simulator), rows, batch);
        var c = coefficients.data<double>().ToArray();
        var product = jacobian.Contract(c);
        var featureGradient =
            Enumerable.Range(0, batch).SelectMany(b => product.ParameterGradients.Skip(b * circuit.ParameterCount).Take(featureCount)).ToArray();
        using (var upstream = tensor(featureGradient, [batch, featureCount], ScalarType.Float64))
        {
            features.backward([upstream]);
        }

        var expectedWeights = Enumerable.Range(0, circuit.WeightCount)
            .Select(w => Enumerable.Range(0, batch).Sum(b => product.ParameterGradients[(b * circuit.ParameterCount) + featureCount + w])).ToArray();

        Assert.Equal(jacobian.Values, output.detach().data<double>().ToArray(), (e, a) => Math.Abs(e - a) < 1e-10);
        Assert.Equal(referenceInput.grad!.data<double>().ToArray(), input.grad!.data<double>().ToArray(), (e, a) => Math.Abs(e - a) < 1e-9);
        Assert.Equal(expectedWeights, layer.Weights.grad!.to(ScalarType.Float64).data<double>().ToArray(), (e, a) => Math.Abs(e - a) < 1e-4);
    }

    [Fact]
    public async Task InputGradientsThroughEncodingEqualFiniteDifferences()
    {
        var layer = await PaperLayer(ParameterShift.Instance, seed: 1);
        var generator = new Generator(7);
        using var input = rand([3, 16], ScalarType.Float64, generator: generator).requires_grad_();
        using var coefficients = randn([3, 4], ScalarType.Float64, generator: generator);

        using (var loss = (layer.forward(input) * coefficients).sum())
        {
            loss.backward();
        }

        var analytic = input.grad!.data<double>().ToArray();
        var values = input.detach().data<double>().ToArray();
        const double step = 1e-6;
        using var _ = no_grad();
        for (var i = 0; i < values.Length; i++)
        {
            var plus = (double[])values.Clone();
            var minus = (double[])values.Clone();
            plus[i] += step;
            minus[i] -= step;
            var numeric = (Loss(layer, plus, coefficients) - Loss(layer, minus, coefficients)) / (2 * step);
            Assert.Equal(numeric, analytic[i], 1e-6);
        }
    }

    [Fact]
    public async Task WeightGradientIsTheJacobianContractedWithTheOutputGradient()
    {
        var layer = await PaperLayer(AdjointDifferentiation.Instance, seed: 2);
        var generator = new Generator(8);
        using var input = rand([5, 16], ScalarType.Float64, generator: generator);
        using var coefficients = randn([5, 4], ScalarType.Float64, generator: generator);

        using (var loss = (layer.forward(input) * coefficients).sum())
        {
            loss.backward();
        }

        using var features = layer.EncodingAngles(input);
        var weights = layer.Weights.detach().to(ScalarType.Float64).data<double>().ToArray();
        var f = features.data<double>().ToArray();
        var rows = Enumerable.Range(0, 5).SelectMany(b => f.Skip(b * 15).Take(15).Concat(weights)).ToArray();
        var jacobian = await ParameterShift.Instance.JacobianAsync(layer.Execution.Tape, new NativeBackend(_simulator), rows, 5);
        var c = coefficients.data<double>().ToArray();
        var expected = Enumerable.Range(0, 8).Select(w =>
            Enumerable.Range(0, 5).Sum(b => Enumerable.Range(0, 4).Sum(q => c[(b * 4) + q] * jacobian[b, q, 15 + w]))).ToArray();

        Assert.Equal(expected, layer.Weights.grad!.to(ScalarType.Float64).data<double>().ToArray(), (e, a) => Math.Abs(e - a) < 1e-4);
    }

    /// <summary>A tape's own observables set the layer's width: two Pauli strings, two outputs, gradients by adjoint equal parameter shift.</summary>
    [Fact]
    public async Task OutputWidthFollowsTheTapesObservables()
    {
        var circuit = BuiltInClassifiers.Paper();
        var lifted = await fixture.Lifter.LiftAsync(circuit);
        var tape = new CircuitTape(lifted.Qubits, lifted.ParameterCount, lifted.Gates, lifted.Angles,
            [PauliString.Parse("Z0 Z1"), PauliString.Parse("X2 Y3")]);
        var generator = new Generator(9);
        using var input = rand([4, 16], ScalarType.Float64, generator: generator);
        var gradients = new List<double[]>();
        foreach (var method in new IGradientMethod[] { ParameterShift.Instance, AdjointDifferentiation.Instance })
        {
            var layer = new QuantumLayer(new QuantumCircuitExecution(circuit, tape, new NativeBackend(_simulator), method), Encoding.Amplitude,
                new Generator(10));
            Assert.Equal(2, layer.OutputWidth);
            using var x = input.clone().requires_grad_();
            using var output = layer.forward(x);
            Assert.Equal(new long[] { 4, 2 }, output.shape);
            using (var loss = output.sum())
            {
                loss.backward();
            }

            gradients.Add(x.grad!.data<double>().ToArray());
        }

        Assert.Equal(gradients[0], gradients[1], (e, a) => Math.Abs(e - a) < 1e-10);
    }

    [Fact]
    public async Task Float32InputsGiveTheFloat64ResultRounded()
    {
        var layer = await PaperLayer(ParameterShift.Instance, seed: 12);
        var generator = new Generator(13);
        using var input = rand([4, 16], ScalarType.Float64, generator: generator);
        using var asFloat = input.to(ScalarType.Float32);
        using var roundTrip = asFloat.to(ScalarType.Float64);
        using var exact = layer.forward(roundTrip);
        using var single = layer.forward(asFloat);
        Assert.Equal(ScalarType.Float32, single.dtype);
        Assert.Equal(exact.data<double>().ToArray().Select(v => (float)v).ToArray(), single.data<float>().ToArray());
    }

    [Fact]
    public async Task InitialWeightsAreUniformOnZeroToTwoPi()
    {
        var layer = await PaperLayer(ParameterShift.Instance, seed: 3);
        var weights = layer.Weights.data<float>().ToArray();
        Assert.Equal(8, weights.Length);
        Assert.All(weights, w => Assert.InRange(w, 0f, (float)(2 * Math.PI)));
        Assert.True(weights.Max() - weights.Min() > 0.5, "weights look constant");
    }

    [Fact]
    public async Task OneOptimisationStepThroughTheQuantumLayerLowersTheLossAndReachesTheCnn()
    {
        var quantum = await PaperLayer(ParameterShift.Instance, seed: 4);
        random.manual_seed(11);
        var model = nn.Sequential(
            ("conv", nn.Conv2d(1, 4, 3, padding: 1)),
            ("relu", nn.ReLU()),
            ("pool", nn.AdaptiveAvgPool2d(2)),
            ("flatten", nn.Flatten()),
            ("reducer", nn.Linear(16, 16)),
            ("softmax", nn.Softmax(1)),
            ("quantum", quantum),
            ("head", nn.Linear(4, 3)));
        var generator = new Generator(12);
        using var images = randn([8, 1, 6, 6], generator: generator);
        using var labels = tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1 });
        var optimizer = optim.SGD(model.parameters(), 0.1);

        optimizer.zero_grad();
        using var before = nn.functional.cross_entropy(model.forward(images), labels);
        before.backward();
        var conv = (nn.Module)model.named_children().First(c => c.name == "conv").module;
        var convGradient = conv.parameters().First().grad!.abs().sum().item<float>();
        optimizer.step();
        using var after = nn.functional.cross_entropy(model.forward(images), labels);

        Assert.True(convGradient > 0, "no gradient reached the CNN");
        Assert.True(after.item<float>() < before.item<float>(), $"loss went from {before.item<float>()} to {after.item<float>()}");
    }

    private async Task<QuantumLayer> PaperLayer(IGradientMethod gradient, int seed)
    {
        var circuit = BuiltInClassifiers.Paper();
        var tape = await fixture.Lifter.LiftAsync(circuit);
        return new QuantumLayer(new QuantumCircuitExecution(circuit, tape, new NativeBackend(_simulator), gradient), Encoding.Amplitude,
            new Generator((ulong)seed));
    }

    private static double Loss(QuantumLayer layer, double[] input, Tensor coefficients)
    {
        using var x = tensor(input, [3, 16]);
        using var output = layer.forward(x);
        return (output * coefficients).sum().item<double>();
    }

    private static double[] ParseDoubles(string result) =>
        result.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
