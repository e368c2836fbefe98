using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports;

/// <summary>One model on one dataset over its seeds: each metric's mean, sd and confidence interval (null where no seed measured it).</summary>
public sealed record ModelStatistics(
    string Dataset, ModelKind Model, IReadOnlyList<int> Seeds, IReadOnlyList<(SeedMetric Metric, SampleSummary? Summary)> Metrics)
{
    public SampleSummary? Of(SeedMetric metric) => Metrics.FirstOrDefault(m => m.Metric == metric).Summary;
}
