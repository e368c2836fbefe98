using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Reports;
using HybridQsharp.Host.Runs;
using HybridQsharp.Tests.Classical.Training;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;

namespace HybridQsharp.Tests.Host;

/// <summary>
/// Every batch's tensors, the batch's own included, are disposed when the batch is done: many
/// evaluation, robustness and figure batches leave the count of live tensors on this thread
/// where it was.
/// </summary>
[Collection(TorchRandomCollection.Name)]
public sealed class TensorLifetimeTests
{
    static TensorLifetimeTests() => TorchNativeLibrary.EnsureLoaded();

    [Fact]
    public void EvaluationRobustnessAndFigureBatchesDoNotGrowTheLiveTensorCount()
    {
        var architecture = new MnistDataset().Architecture with { ImageSize = 8 };
        torch.random.manual_seed(4);
        using var model = PaperModels.Classical(architecture);
        var split = new SyntheticImages(640, 10, 8, seed: 4, shuffle: false);
        var data = new ExperimentData(new MnistDataset(), split, split, split, Enumerable.Range(0, 10).Select(i => $"{i}").ToList(),
            new Dictionary<string, int[]>(), new Dictionary<string, SampleImages>());
        var options = new TrainingOptions { BatchSize = 64, Attack = new PgdAttack { Semantics = AttackSemantics.Paper } };
        var trainer = new Trainer(options, NullLogger<Trainer>.Instance);

        void Pass()
        {
            trainer.Evaluate(model, split);
            trainer.Robustness(model, split, maxSamples: 128, seed: 1);
            RunFigures.Predict(model, data, CancellationToken.None);
        }

        Pass();
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 5; i++)
        {
            Pass();
        }

        var after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        // 5 passes are 50 evaluation batches, 10 attacked batches and 50 figure batches.
        Assert.Equal(before, after);
    }
}
