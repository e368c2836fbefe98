using HybridQsharp.Classical.Models;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Training;

/// <summary>
/// The paper's optimiser, schedule and clipping per model family. Hybrid (and its twin, so the
/// comparison is fair): AdamW(1e-3, wd 0.01), OneCycle to 2e-3 with pct_start 0.3, gradient norm
/// clipped at 1. Classical: Adam(3e-3, wd 5e-3), cosine warm restarts (T_0 5, η_min 1e-5), per batch.
/// </summary>
public sealed record ModelRecipe(LearningRateSchedule Schedule, double? ClipNorm,
    Func<IEnumerable<TorchSharp.Modules.Parameter>, optim.Optimizer> CreateOptimizer)
{
    public static ModelRecipe For(ModelKind kind, long totalSteps) => kind switch
    {
        ModelKind.Classical => new ModelRecipe(new CosineWarmRestartsSchedule(3e-3, 5, 1, 1e-5), null,
            p => optim.Adam(p, 3e-3, weight_decay: 5e-3)),
        ModelKind.Hybrid or ModelKind.Twin => new ModelRecipe(new OneCycleSchedule(2e-3, totalSteps, 0.3), 1.0,
            p => optim.AdamW(p, 1e-3, weight_decay: 0.01)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Sets the rate (and β₁) the schedule gives for <paramref name="step"/> on every parameter group.</summary>
    public double Apply(optim.Optimizer optimizer, long step)
    {
        var rate = Schedule.LearningRate(step);
        var beta1 = Schedule.Beta1(step);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
            if (beta1 is { } b && group is optim.IBetas betas)
            {
                betas.Betas = (b, betas.Betas.Item2);
            }
        }

        return rate;
    }
}
