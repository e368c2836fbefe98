using System.Globalization;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Tests.Quantum;
using TorchSharp;
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
        var expected = ParseDoubles(Assert.Single(await fixture.Runtime.RunAsync(QsharpProgram.BuiltIn(), $"HybridQsharp.Encoding.AmplitudeTreeAngles([{absolute}])")).Result);

        using var angles = AmplitudeTreeAngles.Compute(tensor(amplitudes, [1, amplitudes.Length]));
        var actual = angles.data<double>().ToArray();
        Assert.Equal((1 << qubits) - 1, actual.Length);
        Assert.Equal(expected, actual, (e, a) => Math.Abs(e - a) < 1e-12);
    }

    [Fact]
    public async Task InputGradientsThroughEncodingEqualFiniteDifferences()
    {
        var layer = await PaperLayer(new ParameterShift(new NativeBackend(_simulator)), seed: 1);
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
        var layer = await PaperLayer(new AdjointDifferentiation(_simulator), seed: 2);
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
        var jacobian = await new ParameterShift(new NativeBackend(_simulator)).JacobianAsync(layer.Execution.Tape, rows, 5);
        var c = coefficients.data<double>().ToArray();
        var expected = Enumerable.Range(0, 8).Select(w =>
            Enumerable.Range(0, 5).Sum(b => Enumerable.Range(0, 4).Sum(q => c[(b * 4) + q] * jacobian[b, q, 15 + w]))).ToArray();

        Assert.Equal(expected, layer.Weights.grad!.to(ScalarType.Float64).data<double>().ToArray(), (e, a) => Math.Abs(e - a) < 1e-4);
    }

    [Fact]
    public async Task InitialWeightsAreUniformOnZeroToTwoPi()
    {
        var layer = await PaperLayer(new ParameterShift(new NativeBackend(_simulator)), seed: 3);
        var weights = layer.Weights.data<float>().ToArray();
        Assert.Equal(8, weights.Length);
        Assert.All(weights, w => Assert.InRange(w, 0f, (float)(2 * Math.PI)));
        Assert.True(weights.Max() - weights.Min() > 0.5, "weights look constant");
    }

    [Fact]
    public async Task OneOptimisationStepThroughTheQuantumLayerLowersTheLossAndReachesTheCnn()
    {
        var quantum = await PaperLayer(new ParameterShift(new NativeBackend(_simulator)), seed: 4);
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
        return new QuantumLayer(new QuantumCircuitExecution(circuit, tape, new NativeBackend(_simulator), gradient), Encoding.Amplitude, new Generator((ulong)seed));
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
