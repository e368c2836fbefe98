using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Tests.Quantum;

namespace HybridQsharp.Tests.Classical;

/// <summary>The six models against the parameter counts the paper's logs print.</summary>
[Collection(QsharpCollection.Name)]
public sealed class ModelTests(QsharpRuntimeFixture fixture)
{
    static ModelTests() => TorchNativeLibrary.EnsureLoaded();

    [Theory]
    [InlineData("mnist", 142_530, 151_754)]
    [InlineData("cifar100", 1_164_796, 1_710_436)]
    [InlineData("stl10", 4_603_298, 1_687_306)]
    public async Task ParameterCountsEqualThePapers(string dataset, long hybridParams, long classicalParams)
    {
        var architecture = DatasetCatalog.Default.Parse(dataset).Architecture;
        using var hybrid = PaperModels.Hybrid(architecture, await PaperLayer());
        using var classical = PaperModels.Classical(architecture);

        Assert.Equal(hybridParams, hybrid.TrainableParameterCount);
        Assert.Equal(classicalParams, classical.TrainableParameterCount);
    }

    [Theory]
    [InlineData("mnist")]
    [InlineData("cifar100")]
    [InlineData("stl10")]
    public async Task SummariesShowTheShapesEndingInTheClassCount(string dataset)
    {
        var architecture = DatasetCatalog.Default.Parse(dataset).Architecture;
        using var hybrid = PaperModels.Hybrid(architecture, await PaperLayer());
        using var classical = PaperModels.Classical(architecture);

        var h = ModelSummary.Of(hybrid, architecture);
        var c = ModelSummary.Of(classical, architecture);

        Assert.Equal(new long[] { 2, architecture.ClassCount }, h.Layers[^1].OutputShape);
        Assert.Equal(new long[] { 2, architecture.ClassCount }, c.Layers[^1].OutputShape);
        Assert.Equal(new long[] { 2, 16 }, h.Layers.Single(l => l.Name == "reducer.softmax").OutputShape);
        Assert.Equal(new long[] { 2, 4 }, h.Layers.Single(l => l.Name == "quantum").OutputShape);
        Assert.Equal(8, h.Layers.Single(l => l.Name == "quantum").Parameters);
        Assert.Equal(h.TrainableParameters, h.Layers.Sum(l => l.Parameters));
        Assert.Equal(c.TrainableParameters, c.Layers.Sum(l => l.Parameters));
        Assert.Contains("Trainable params", h.ToTable());
    }

    [Fact]
    public void TwinReplacesTheQuantumLayerWithAClassicalLayerOfTheSameWidths()
    {
        using var twin = PaperModels.Twin(new MnistDataset().Architecture, Encoding.Amplitude, 4);
        var summary = ModelSummary.Of(twin, new MnistDataset().Architecture);
        var layer = summary.Layers.Single(l => l.Name == "quantum");
        Assert.Equal(nameof(TwinLayer), layer.Type);
        Assert.Equal(new long[] { 2, 4 }, layer.OutputShape);
        Assert.Equal((16 * 4) + 4, layer.Parameters);
        Assert.Equal(142_530 - 8 + 68, twin.TrainableParameterCount);
    }

    private async Task<QuantumLayer> PaperLayer()
    {
        var circuit = BuiltInClassifiers.Paper();
        var tape = await fixture.Lifter.LiftAsync(circuit);
        var simulator = new StateVectorSimulator();
        return new QuantumLayer(new QuantumCircuitExecution(circuit, tape, new NativeBackend(simulator), new ParameterShift()), Encoding.Amplitude);
    }
}
