using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Classical.Training.Attacks;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical.Training;

/// <summary>Evaluation disposes every tensor it is given or makes, so native memory does not wait for the finaliser.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class TensorLifetimeTests
{
    private static readonly PaperArchitecture Tiny = new MnistDataset().Architecture with { ImageSize = 8 };

    static TensorLifetimeTests() => TorchNativeLibrary.EnsureLoaded();

    [Fact]
    public void EvaluationAndRobustnessLeaveNoTensorAlive()
    {
        var trainer = new Trainer(new TrainingOptions { BatchSize = 16, Attack = new PgdAttack { Normalization = new MnistDataset().Normalization } },
            NullLogger<Trainer>.Instance);
        random.manual_seed(2);
        using var model = PaperModels.Classical(Tiny);
        var data = new SyntheticImages(64, 10, 8, seed: 5, shuffle: false);
        trainer.Evaluate(model, data);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        trainer.Evaluate(model, data);
        var afterEvaluation = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        trainer.Robustness(model, data, maxSamples: 32, seed: 1);
        var afterRobustness = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        // Before the fix each batch's images and labels (made by the stream, outside the batch's scope) stayed alive: 8 per pass here.
        Assert.Equal(before, afterEvaluation);
        Assert.Equal(before, afterRobustness);
    }
}
