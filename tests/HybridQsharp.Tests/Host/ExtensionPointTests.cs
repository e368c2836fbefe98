using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Hosting;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Hosting;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using HybridQsharp.Tests.Quantum;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Host;

/// <summary>
/// What docs/architecture.md promises a newcomer: a backend or a dataset is added from outside
/// the host's code (here, from a test) by registering it, and is then chosen by its key like
/// the built-in ones.
/// </summary>
[Collection(QsharpCollection.Name)]
public sealed class ExtensionPointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-extension-").FullName;

    static ExtensionPointTests() => TorchNativeLibrary.EnsureLoaded();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ABackendRegisteredByKeyRunsATrainingStep()
    {
        var counting = new CountingBackend(new NativeBackend(new StateVectorSimulator()));
        await using var host = new TestHost(
            [new("Experiment:Backend", "counting"), new("Experiment:Model", "hybrid")],
            services => services.AddQuantumBackend("counting", "a test-only backend that counts the circuits it runs", BackendCapabilities.None,
                _ => counting));
        var settings = host.Get<ExperimentSettings>();

        var execution = await host.Get<QuantumCircuitPreparation>().PrepareAsync(settings, CancellationToken.None);
        var tiny = settings.Dataset.Architecture with { ImageSize = 8 };
        using var model = ModelFactory.Create(ModelKind.Hybrid, tiny, settings, execution, initialisationSeed: 1);
        using var optimizer = ModelRecipe.For(ModelKind.Hybrid, 10).CreateOptimizer(model.parameters());
        var before = model.parameters().Select(p => p.detach().clone()).ToList();
        using (var scope = NewDisposeScope())
        {
            var images = randn(4, 1, 8, 8, generator: new TorchSharp.torch.Generator(2));
            var loss = nn.functional.cross_entropy(model.forward(images), tensor(new long[] { 0, 1, 2, 3 }));
            loss.backward();
            optimizer.step();
        }

        Assert.Same(counting, execution.Backend);

        // Parameter shift sends every circuit of the batch to the chosen backend: the forward row
        // and two shifted rows per parametric rotation (15 tree angles + 8 weights in the paper circuit).
        Assert.Equal(4 * (1 + (2 * 23)), counting.Circuits);
        Assert.Contains(model.parameters().Zip(before), p => !p.First.detach().allclose(p.Second));
        foreach (var tensor in before)
        {
            tensor.Dispose();
        }
    }

    [Fact]
    public async Task ADatasetRegisteredFromOutsideTrainsEndToEndByItsKey()
    {
        var run = Path.Combine(_folder, "run");
        await using var host = new TestHost(
            [
                new("Experiment:Dataset", "stripes"), new("Experiment:Model", "classical"), new("Experiment:Epochs", "2"),
                new("Experiment:Limit", "160"), new("Experiment:Output", run),
            ],
            services => services.AddDataset(new StripesDataset()));

        var summary = await host.Get<ExperimentRunner>().RunAsync(CancellationToken.None);

        Assert.Equal("stripes", summary.Dataset);
        var outcome = Assert.Single(summary.Models);
        Assert.Equal(2, outcome.History.Count);
        Assert.True(outcome.Test!.Accuracy > 0.9, $"the classical CNN should separate two stripe orientations, got {outcome.Test.Accuracy:P1}");
        Assert.True(File.Exists(new RunFolder(run).ReportMarkdown));
    }

    [Fact]
    public void AnUnknownKeyIsRefusedListingTheRegisteredOnes()
    {
        var catalog = new DatasetCatalog([.. DatasetCatalog.BuiltIn, new StripesDataset()]);
        Assert.Equal(["mnist", "cifar100", "stl10", "stripes"], catalog.Keys);
        var error = Assert.Throws<DatasetFormatException>(() => catalog.Parse("fashion"));
        Assert.Contains("expected one of: mnist, cifar100, stl10, stripes", error.Message);
    }

    /// <summary>A test-only backend: the native simulator, counting the circuits it is asked to run.</summary>
    private sealed class CountingBackend(IQuantumBackend inner) : IQuantumBackend
    {
        private long _circuits;

        public string Name => "counting";

        public long Circuits => Interlocked.Read(ref _circuits);

        public ValueTask<double[]> ExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref _circuits, circuits);
            return inner.ExpectationsAsync(tape, angles, circuits, cancellationToken);
        }
    }

    /// <summary>
    /// A test-only dataset, defined as a new dataset is: 12 × 12 grey images of horizontal (class 0)
    /// or vertical (class 1) stripes with noise, generated instead of read from files.
    /// </summary>
    private sealed class StripesDataset : DatasetDefinition
    {
        public override string Key => "stripes";

        public override string DisplayName => "Stripes";

        public override Normalization Normalization { get; } = new([0.5f], [0.25f]);

        public override ImageAugmentation Augmentation => ImageAugmentation.None;

        public override PaperArchitecture Architecture { get; } =
            new MnistDataset().Architecture with { Dataset = "stripes", ImageSize = 12, ClassCount = 2 };

        public override SplitPolicy SplitPolicy => SplitPolicy.ValidationFromTrain;

        public override string FilesDescription => "generated stripes";

        public override bool HasOfficialFiles(string folder) => true;

        public override string DefaultFolder() => Path.GetTempPath();

        public override (ImageSet Train, ImageSet Test) LoadOfficial(string folder) => (Generate(400, 1), Generate(100, 2));

        private static ImageSet Generate(int count, int seed)
        {
            var random = new Random(seed);
            var pixels = new byte[count * 144];
            var labels = new byte[count];
            for (var i = 0; i < count; i++)
            {
                labels[i] = (byte)(i % 2);
                for (var p = 0; p < 144; p++)
                {
                    var (row, column) = (p / 12, p % 12);
                    var on = ((labels[i] == 0 ? row : column) % 4) < 2;
                    pixels[(i * 144) + p] = (byte)Math.Clamp((on ? 200 : 40) + random.Next(-40, 41), 0, 255);
                }
            }

            return new ImageSet(pixels, labels, 1, 12, 12, ["horizontal", "vertical"]);
        }
    }
}
