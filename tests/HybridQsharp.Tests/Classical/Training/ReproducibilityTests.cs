using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Simulation;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical.Training;

/// <summary>The same seed and settings give the same metrics to the last bit.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class ReproducibilityTests : IDisposable
{
    private static readonly PaperArchitecture Tiny = new MnistDataset().Architecture with { ImageSize = 8 };
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-reproducible-").FullName;

    static ReproducibilityTests() => TorchNativeLibrary.EnsureLoaded();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TwoHybridRunsWithTheSameSeedHaveBitEqualMetrics()
    {
        var options = new TrainingOptions { Epochs = 2, BatchSize = 16, RobustnessEvery = 2, RobustnessSamples = 32, Seed = 9,
            Attack = new PgdAttack { Normalization = new MnistDataset().Normalization } };

        var first = Run("first", options, simulatorWorkers: 2);
        var second = Run("second", options, simulatorWorkers: 1);

        Assert.Equal(2, first.History.Count);
        foreach (var (a, b) in first.History.Zip(second.History))
        {
            Assert.Equal(Outcomes(a), Outcomes(b));
        }

        Assert.Equal(first.Test!.Loss, second.Test!.Loss);
        Assert.NotEmpty(first.TestAttacks);
        Assert.Equal(first.TestAttacks.Select(a => a.Accuracy), second.TestAttacks.Select(a => a.Accuracy));
    }

    [Fact]
    public void DeterministicRunsAgreeWhateverTorchsThreadCount()
    {
        // Without the switch, one intra-op thread instead of two changes the losses in the 6th digit.
        var options = new TrainingOptions { Epochs = 2, BatchSize = 16, RobustnessEvery = 0, Seed = 4, Deterministic = true };
        var ambient = get_num_threads();

        var first = Run("two-threads", options, simulatorWorkers: 2);
        set_num_threads(Math.Max(1, ambient - 1) == ambient ? ambient + 1 : Math.Max(1, ambient - 1));
        TrainingResult second;
        try
        {
            second = Run("other-threads", options, simulatorWorkers: 2);
        }
        finally
        {
            set_num_threads(ambient);
        }

        foreach (var (a, b) in first.History.Zip(second.History))
        {
            Assert.Equal(Outcomes(a), Outcomes(b));
        }

        Assert.Equal(ambient, get_num_threads());
    }

    private TrainingResult Run(string name, TrainingOptions options, int simulatorWorkers)
    {
        random.manual_seed(options.Seed);
        var execution = HandWrittenTape.AngleClassifier(simulator: new StateVectorSimulator(simulatorWorkers));
        using var model = PaperModels.Hybrid(Tiny, new QuantumLayer(execution, Encoding.Angle, new Generator((ulong)options.Seed)));
        var train = new SyntheticImages(320, 10, 8, seed: 2, shuffle: true);
        var validation = new SyntheticImages(48, 10, 8, seed: 3, shuffle: false);
        return new Trainer(options, NullLogger<Trainer>.Instance)
            .Train(model, train, validation, validation, Path.Combine(_folder, name), resume: false, "reproducible", null, CancellationToken.None);
    }

    // Everything but wall times and memory, which no seed fixes.
    private static double?[] Outcomes(EpochMetrics m) =>
        [m.TrainLoss, m.TrainAccuracy, m.ValidationLoss, m.ValidationAccuracy, m.Precision, m.Recall, m.F1, m.Robustness, m.LearningRate];
}
