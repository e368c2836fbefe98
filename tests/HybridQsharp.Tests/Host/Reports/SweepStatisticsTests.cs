using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Reports;

namespace HybridQsharp.Tests.Host.Reports;

/// <summary>
/// Statistics over seeds on hand-computed cases. With three seeds the t distribution has 2 degrees of freedom, whose
/// quantile is closed-form: t(q) = (2q − 1)/√(2q(1 − q)), 4.3027 for q = 0.975 (tables: 4.303), and the two-sided
/// p-value of t is 1 − |t|/√(2 + t²).
/// </summary>
public sealed class SweepStatisticsTests
{
    private static readonly double T2 = 0.95 / Math.Sqrt(2 * 0.975 * 0.025);

    // Hybrid 0.90, 0.92, 0.94 and classical 0.88, 0.91, 0.91 over seeds 1, 2, 3.
    private static readonly SeedResult[] HandCase =
        [.. SeedResults.Seeds("mnist", ModelKind.Hybrid, 0.90, 0.92, 0.94), .. SeedResults.Seeds("mnist", ModelKind.Classical, 0.88, 0.91, 0.91)];

    [Fact]
    public void EachModelsMeanSdAndIntervalAreTheHandComputedOnes()
    {
        var results = HandCase;

        var statistics = SweepStatistics.Compute(results);

        var hybrid = statistics.Groups.Single(g => g.Model == ModelKind.Hybrid).Of(SeedMetric.TestAccuracy)!;
        Assert.Equal(3, hybrid.Count);
        Assert.Equal(0.92, hybrid.Mean, 12);
        Assert.Equal(0.02, hybrid.StandardDeviation!.Value, 12);
        Assert.Equal(0.92 - (T2 * 0.02 / Math.Sqrt(3)), hybrid.MeanInterval!.Lower, 9);
        Assert.Equal([1, 2, 3], statistics.Groups[0].Seeds);
    }

    [Fact]
    public void PairedDifferencesAreHybridMinusTheOtherOverCommonSeeds()
    {
        var results = HandCase;

        var statistics = SweepStatistics.Compute(results);
        var row = statistics.Pairs.Single(p => p.Second == ModelKind.Classical && p.Metric == SeedMetric.TestAccuracy);

        // differences 0.02, 0.01, 0.03: mean 0.02, sd 0.01, t = 0.02 / (0.01/√3) = 2√3.
        var t = 2 * Math.Sqrt(3);
        Assert.Equal(ModelKind.Hybrid, row.First);
        Assert.Equal(3, row.Comparison.Pairs);
        Assert.Equal(0.02, row.Comparison.Difference!.Mean, 12);
        Assert.Equal(t, row.Comparison.TStatistic!.Value, 9);
        Assert.Equal(1 - (t / Math.Sqrt(2 + (t * t))), row.Comparison.PValue!.Value, 9);
        Assert.Equal(2, row.Comparison.EffectSizeDz!.Value, 9);
        Assert.DoesNotContain(statistics.Pairs, p => p.Second == ModelKind.Twin);
    }

    [Fact]
    public void TheValidationBandIsTheIntervalOfTheMeanPerEpoch()
    {
        SeedResult[] seeds =
        [
            SeedResults.Of("mnist", ModelKind.Twin, 1, 0.5, curve: [0.50, 0.70]),
            SeedResults.Of("mnist", ModelKind.Twin, 2, 0.5, curve: [0.52, 0.72]),
            SeedResults.Of("mnist", ModelKind.Twin, 3, 0.5, curve: [0.54, 0.74, 0.80]),
        ];

        var band = SweepReporter.Band(seeds);

        Assert.Equal([1, 2, 3], band.Select(b => b.Epoch));
        Assert.Equal(0.52, band[0].Mean, 12);
        Assert.Equal(0.52 + (T2 * 0.02 / Math.Sqrt(3)), band[0].Upper, 9);
        Assert.Equal(3, band[1].Count);

        // Only one seed reached epoch 3: its value, no band.
        Assert.Equal((0.80, 0.80, 0.80, 1), (band[2].Mean, band[2].Lower, band[2].Upper, band[2].Count));
    }

    [Fact]
    public void TheReportTablesShowEveryNumberWithItsUnit()
    {
        var results = HandCase;
        var statistics = SweepStatistics.Compute(results);

        var groups = SweepReportDocument.GroupTable(statistics);
        var pairs = SweepReportDocument.PairTable(statistics);

        Assert.Contains("| mnist | hybrid | 3 | 92.00 ± 2.00 [87.03, 96.97] |", groups);
        Assert.Contains("| mnist | hybrid − classical | test acc | 3 | +2.00 points | [-0.48, +4.48] | +3.46 | 0.0742 | +2.00 |", pairs);
    }
}
