using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical.Training;

public sealed class ScheduleTests
{
    static ScheduleTests() => TorchNativeLibrary.EnsureLoaded();

    [Fact]
    public void OneCycleFollowsItsFormulaAtTheLandmarks()
    {
        // total 1000, pct 0.3: warm-up ends at step 299; initial 2e-3/25, final initial/1e4.
        var schedule = new OneCycleSchedule(2e-3, 1000, 0.3);
        Assert.Equal(8e-5, schedule.LearningRate(0), 15);
        Assert.Equal(2e-3, schedule.LearningRate(299), 15);
        Assert.Equal(8e-9, schedule.LearningRate(999), 15);
        Assert.Equal((8e-5 + 2e-3) / 2, schedule.LearningRate(0) + ((2e-3 - 8e-5) * (1 - Math.Cos(Math.PI * 149.5 / 299)) / 2), 12);
        var mid = 299 + (700 / 2.0);
        Assert.Equal(8e-9 + ((2e-3 - 8e-9) * (1 + Math.Cos(Math.PI * (649 - 299) / 700.0)) / 2), schedule.LearningRate(649), 15);
        Assert.True(mid > 0);
        Assert.Equal(0.95, schedule.Beta1(0)!.Value, 12);
        Assert.Equal(0.85, schedule.Beta1(299)!.Value, 12);
        Assert.Equal(0.95, schedule.Beta1(999)!.Value, 12);
    }

    [Fact]
    public void OneCycleMatchesTorchSharpsOneCycleLR()
    {
        using var weight = zeros(3).requires_grad_();
        var optimizer = optim.AdamW([new TorchSharp.Modules.Parameter(weight)], 1e-3);
        const int total = 200;
        var reference = optim.lr_scheduler.OneCycleLR(optimizer, 2e-3, total_steps: total, pct_start: 0.3);
        var ours = new OneCycleSchedule(2e-3, total, 0.3);
        for (var step = 0; step < total; step++)
        {
            Assert.Equal(optimizer.ParamGroups.First().LearningRate, ours.LearningRate(step), 12);
            optimizer.step();
            reference.step();
        }
    }

    [Fact]
    public void CosineWarmRestartsFollowsItsFormula()
    {
        var schedule = new CosineWarmRestartsSchedule(3e-3, 5, 1, 1e-5);
        for (var step = 0; step < 23; step++)
        {
            var tCur = step % 5;
            var expected = 1e-5 + ((3e-3 - 1e-5) * (1 + Math.Cos(Math.PI * tCur / 5)) / 2);
            Assert.Equal(expected, schedule.LearningRate(step), 15);
        }

        var growing = new CosineWarmRestartsSchedule(1.0, 2, 2, 0);
        Assert.Equal(1.0, growing.LearningRate(2), 15); // second period (length 4) starts at step 2
        Assert.Equal(0.5, growing.LearningRate(4), 15); // halfway through it
        Assert.Equal(1.0, growing.LearningRate(6), 15); // third period starts at 2 + 4
    }

    [Fact]
    public void RecipeSetsRateAndBetaOnTheOptimiser()
    {
        using var weight = zeros(3).requires_grad_();
        var recipe = ModelRecipe.For(ModelKind.Hybrid, 100);
        var optimizer = recipe.CreateOptimizer([new TorchSharp.Modules.Parameter(weight)]);
        var rate = recipe.Apply(optimizer, 29);
        Assert.Equal(2e-3, rate, 12);
        Assert.Equal(2e-3, optimizer.ParamGroups.First().LearningRate, 12);
        Assert.Equal(0.85, ((optim.IBetas)optimizer.ParamGroups.First()).Betas.Item1, 12);
    }

    [Fact]
    public void MacroMetricsMatchAHandComputedExample()
    {
        // true\pred: class 0: 3 right, 1 as 1; class 1: 2 right, 2 as 2; class 2: never appears, predicted twice.
        var confusion = new long[,] { { 3, 1, 0 }, { 0, 2, 2 }, { 0, 0, 0 } };
        var metrics = ClassificationMetrics.FromConfusion(confusion);
        Assert.Equal(5.0 / 8, metrics.Accuracy, 12);
        var precision = new[] { 1.0, 2.0 / 3, 0 };
        var recall = new[] { 0.75, 0.5, 0 };
        Assert.Equal(precision.Average(), metrics.Precision, 12);
        Assert.Equal(recall.Average(), metrics.Recall, 12);
        var f1 = precision.Zip(recall, (p, r) => p + r == 0 ? 0 : 2 * p * r / (p + r)).Average();
        Assert.Equal(f1, metrics.F1, 12);
    }
}
