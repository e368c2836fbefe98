using System.Globalization;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports;

/// <summary>
/// One model trained with one seed on one dataset, reduced to the numbers the statistics and the claims use.
/// Seeds are the unit of replication: the statistics summarise over them and pair models by them.
/// </summary>
/// <param name="MedianEpochSeconds">Median training time of an epoch (evaluation excluded).</param>
/// <param name="PeakResidentMegabytes">The largest per-epoch peak resident set (VmHWM) of the training process, MiB.</param>
/// <param name="CpuUtilisation">The process's CPU time over wall time across its epochs (training and evaluation), as a fraction of the cores it
/// could use.</param>
/// <param name="ValidationCurve">Validation accuracy after each epoch (index 0 = epoch 1).</param>
public sealed record SeedResult(
    string Dataset,
    ModelKind Model,
    int Seed,
    long Parameters,
    double BestValidationAccuracy,
    double? TestAccuracy,
    double? TestF1,
    IReadOnlyList<AttackMeasurement> Attacks,
    double? MedianEpochSeconds,
    double? PeakResidentMegabytes,
    double? CpuUtilisation,
    IReadOnlyList<double> ValidationCurve)
{
    /// <summary>The numbers of one model of a run; <paramref name="cores"/> is what the run's environment reports.</summary>
    public static SeedResult From(string dataset, int seed, ModelOutcome outcome, int cores)
    {
        var history = outcome.History;
        var wall = history.Sum(h => h.EpochSeconds + h.EvaluationSeconds);
        return new SeedResult(dataset, outcome.Model, seed, outcome.Parameters, outcome.BestValidationAccuracy, outcome.Test?.Accuracy,
            outcome.Test?.Metrics.F1, outcome.Attacks, Median.Of(history.Select(h => h.EpochSeconds)),
            history.Count == 0 ? null : history.Max(h => h.PeakWorkingSetBytes) / (1024.0 * 1024.0),
            wall > 0 ? history.Sum(h => h.CpuSeconds) / (wall * Math.Max(1, cores)) : null,
            [.. history.OrderBy(h => h.Epoch).Select(h => h.ValidationAccuracy)]);
    }

    /// <summary>The test accuracy under the attack of these semantics, or null when not measured.</summary>
    public double? AttackAccuracy(AttackSemantics semantics) => Attacks.FirstOrDefault(a => a.Semantics == semantics)?.Accuracy;

    /// <summary>The cores a run's environment reports (what the process could use), 1 when unknown.</summary>
    public static int Cores(ExperimentSummary summary) =>
        summary.Environment.TryGetValue("cores", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var cores)
            ? cores
            : 1;
}
