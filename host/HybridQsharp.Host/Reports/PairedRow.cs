using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports;

/// <summary>First − second model on one dataset and metric, paired by seed (e.g. hybrid − twin test accuracy).</summary>
public sealed record PairedRow(string Dataset, ModelKind First, ModelKind Second, SeedMetric Metric, PairedComparison Comparison);
