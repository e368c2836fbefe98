using HybridQsharp.Host.Figures;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Tests.Quantum;

namespace HybridQsharp.Tests.Host.Figures;

/// <summary>End to end: the Q# compiler's circuit data for the paper's classifier, parsed and drawn.</summary>
[Collection(QsharpCollection.Name)]
public sealed class PaperCircuitDiagramTests(QsharpRuntimeFixture fixture) : IDisposable
{
    private readonly FigureDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task DrawsThePaperCircuitFromTheQsharpCompiler()
    {
        var classifier = BuiltInClassifiers.Paper();
        var parameters = Enumerable.Range(0, classifier.ParameterCount).Select(i => 0.1 * (i + 1)).ToArray();

        var json =
            await fixture.Runtime.CircuitDiagramAsync(classifier.Program, classifier.Operation, classifier.Qubits, classifier.Arguments(parameters));
        var circuit = CircuitJsonParser.Parse(json);

        Assert.Equal([0, 1, 2, 3], circuit.Qubits);

        // BasicEntanglerLayers(2) on 4 qubits: 4 Rx per layer, each weight as an angle, then a ring of 4 CNOTs.
        var rx = circuit.Operations.Where(o => o.Gate == "Rx").ToList();
        Assert.Equal(8, rx.Count);
        Assert.Equal(
            Enumerable.Range(classifier.FeatureCount, classifier.WeightCount).Select(i => parameters[i]),
            rx.Select(o => double.Parse(o.Arguments[0], System.Globalization.CultureInfo.InvariantCulture)),
            new ToleranceComparer(1e-4));
        var ring = circuit.Operations.SkipWhile(o => o.Gate != "Rx").Where(o => o is { Gate: "X", Controls.Count: 1 }).Take(4)
            .Select(o => (o.Controls[0], o.Targets[0])).ToList();
        Assert.Equal([(0, 1), (1, 2), (2, 3), (3, 0)], ring);
        Assert.Equal(4, circuit.Operations.Count(o => o.Kind == CircuitOperationKind.Measurement));

        var files =
            CircuitDiagramFigure.Write(new FigureWriter(new FigureOptions()), _directory.Path, "paper-circuit", "Paper quantum layer", circuit);

        var (width, height) = FigureAssert.PngSize(files.Png);
        Assert.True(width > 1000, $"{circuit.Operations.Count} operations should widen the figure beyond 1000 px; got {width}");
        FigureAssert.Written(files, "Paper quantum layer", width, height);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
