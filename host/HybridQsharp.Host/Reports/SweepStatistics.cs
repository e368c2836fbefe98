using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports;

/// <summary>
/// Statistics over seeds: per (dataset, model) every metric's mean, sd and 95 % interval, and per dataset the paired
/// per-seed differences hybrid − classical and hybrid − twin with a paired t-test and Cohen's d_z.
/// </summary>
public sealed record SweepStatistics(
    IReadOnlyList<SeedResult> Results, IReadOnlyList<SeedMetric> Metrics, IReadOnlyList<ModelStatistics> Groups, IReadOnlyList<PairedRow> Pairs)
{
    /// <summary>The comparisons the report makes: the paper's (hybrid − classical) and the fair one (hybrid − twin).</summary>
    public static IReadOnlyList<(ModelKind First, ModelKind Second)> Comparisons { get; } =
        [(ModelKind.Hybrid, ModelKind.Classical), (ModelKind.Hybrid, ModelKind.Twin)];

    public static SweepStatistics Compute(IReadOnlyList<SeedResult> results)
    {
        var attacks = AttackColumns.Of(results.SelectMany(r => r.Attacks));
        IReadOnlyList<SeedMetric> metrics =
        [
            SeedMetric.BestValidationAccuracy, SeedMetric.TestAccuracy, SeedMetric.TestF1,
            .. attacks.Select(a => SeedMetric.Attack(a.Semantics, a.Label)),
            SeedMetric.MedianEpochSeconds, SeedMetric.PeakResident, SeedMetric.CpuUtilisation, SeedMetric.Parameters,
        ];
        var groups = results.GroupBy(r => (r.Dataset, r.Model)).OrderBy(g => DatasetOrder(g.Key.Dataset)).ThenBy(g => g.Key.Model)
            .Select(g => new ModelStatistics(g.Key.Dataset, g.Key.Model, [.. g.Select(r => r.Seed).Order()],
                [.. metrics.Select(m => (m, Summarize(g.Select(m.Value))))]))
            .ToList();
        var paired = metrics.Where(m => m != SeedMetric.Parameters && m != SeedMetric.TestF1).ToList();
        var pairs = new List<PairedRow>();
        foreach (var dataset in results.Select(r => r.Dataset).Distinct().OrderBy(DatasetOrder))
        {
            foreach (var (first, second) in Comparisons)
            {
                foreach (var metric in paired)
                {
                    var a = BySeed(results, dataset, first, metric);
                    var b = BySeed(results, dataset, second, metric);
                    if (a.Count > 0 && b.Count > 0)
                    {
                        pairs.Add(new PairedRow(dataset, first, second, metric, PairedDifferences.Compare(a, b)));
                    }
                }
            }
        }

        return new SweepStatistics(results, metrics, groups, pairs);
    }

    /// <summary>The metric's values of a model on a dataset, by seed (seeds without a value left out).</summary>
    public static Dictionary<int, double> BySeed(IEnumerable<SeedResult> results, string dataset, ModelKind model, SeedMetric metric) =>
        results.Where(r => r.Dataset == dataset && r.Model == model && metric.Value(r) is { } v && double.IsFinite(v))
            .GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => metric.Value(g.First())!.Value);

    /// <summary>Datasets in the paper's order of complexity (MNIST, CIFAR-100, STL-10), others after them.</summary>
    public static int DatasetOrder(string dataset) => dataset switch
    {
        "mnist" => 0,
        "cifar100" => 1,
        "stl10" => 2,
        _ => 3,
    };

    private static SampleSummary? Summarize(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : SampleStatistics.Summarize(present);
    }
}
