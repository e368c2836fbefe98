using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Quantum.Circuits;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical.Training;

[Collection(TorchRandomCollection.Name)]
public sealed class TrainerTests : IDisposable
{
    private static readonly PaperArchitecture Tiny = new MnistDataset().Architecture with { ImageSize = 8 };
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-trainer-").FullName;

    static TrainerTests() => TorchNativeLibrary.EnsureLoaded();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void PgdStaysInTheEpsilonBallAndLowersAccuracyOfATrainedModel()
    {
        var options = new TrainingOptions { Epochs = 3, BatchSize = 32, RobustnessEvery = 0, Seed = 1 };
        var trainer = new Trainer(options, NullLogger<Trainer>.Instance);
        random.manual_seed(1);
        using var model = PaperModels.Classical(Tiny);
        var data = new SyntheticImages(256, 10, 8, seed: 1, shuffle: true, noise: 0.2);
        trainer.Train(model, data, data, null, _folder, resume: false, "pgd", null, CancellationToken.None);
        model.eval();
        var clean = trainer.Evaluate(model, data).Accuracy;

        var attack = new PgdAttack(Epsilon: 0.5, StepSize: 0.1, Steps: 10) { Semantics = AttackSemantics.NormalisedUnclamped };
        var (images, labels) = data.Batches(0, 256).Single();
        using var adversarial = attack.Perturb(model, images, labels, new Generator(3));
        var distance = (adversarial - images).abs().max().item<float>();
        using var predictions = model.forward(adversarial).argmax(1);
        var robust = predictions.eq(labels).to(ScalarType.Float32).mean().item<float>();

        Assert.True(clean > 0.9, $"the model did not learn the synthetic set ({clean:P1})");
        Assert.InRange(distance, 0.0f, 0.5f + 1e-6f);
        Assert.True(robust < clean - 0.2, $"PGD did not hurt: clean {clean:P1}, adversarial {robust:P1}");
    }

    [Fact]
    public void ResumeAfterInterruptionGivesTheSameMetricsAsAnUninterruptedRun()
    {
        var options = new TrainingOptions
        {
            Epochs = 3, BatchSize = 32, RobustnessEvery = 2, RobustnessSamples = 64, Seed = 5,
            Attack = new PgdAttack { Semantics = AttackSemantics.Paper },
        };
        var train = new SyntheticImages(192, 10, 8, seed: 2, shuffle: true);
        var validation = new SyntheticImages(64, 10, 8, seed: 3, shuffle: false);

        var straight = Run(Path.Combine(_folder, "straight"), options, train, validation, resume: false, cancelAtEpoch: null);

        var interruptedFolder = Path.Combine(_folder, "interrupted");
        var first = Run(interruptedFolder, options, train, validation, resume: false, cancelAtEpoch: 2);
        Assert.False(first.Completed);
        Assert.Single(first.History);
        var resumed = Run(interruptedFolder, options, train, validation, resume: true, cancelAtEpoch: null);

        Assert.True(resumed.Completed);
        Assert.Equal(straight.History.Count, resumed.History.Count);
        foreach (var (a, b) in straight.History.Zip(resumed.History))
        {
            Assert.Equal(a.TrainLoss, b.TrainLoss, 6);
            Assert.Equal(a.ValidationLoss, b.ValidationLoss, 6);
            Assert.Equal(a.ValidationAccuracy, b.ValidationAccuracy, 9);
            Assert.Equal(a.Robustness, b.Robustness);
            Assert.Equal(a.LearningRate, b.LearningRate, 12);
        }
    }

    [Fact]
    public void ACorruptCheckpointIsReportedByName()
    {
        var path = Path.Combine(_folder, "last.ckpt");
        File.WriteAllText(path, "HQCKPT1\nnot really");
        var thrown = Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains(path, thrown.Message);
    }

    private static TrainingResult Run(string runFolder, TrainingOptions options, IBatchStream train, IBatchStream validation, bool resume,
        int? cancelAtEpoch)
    {
        random.manual_seed(options.Seed);
        using var model = PaperModels.Twin(Tiny, Encoding.Amplitude, 4);
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Epoch == cancelAtEpoch && p.Batch == 2)
            {
                cancellation.Cancel();
            }
        });
        return new Trainer(options, NullLogger<Trainer>.Instance)
            .Train(model, train, validation, validation, runFolder, resume, "resume-test", progress, cancellation.Token);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
