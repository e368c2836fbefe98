using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Tests.Host.Statistics;

public sealed class SampleStatisticsTests
{
    // t(0.975, 3 df). Published t tables give 3.182; the 16 digits are checked below against the closed-form CDF of 3 df.
    private const double T975With3Df = 3.182446305284263;

    [Fact]
    public void OneToFourHasTheHandComputedMeanDeviationAndInterval()
    {
        var summary = SampleStatistics.Summarize([1, 2, 3, 4]);

        // mean 10/4; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5 over n − 1 = 3.
        var deviation = Math.Sqrt(5.0 / 3);
        var half = T975With3Df * deviation / Math.Sqrt(4);
        Assert.Equal(4, summary.Count);
        Assert.Equal(2.5, summary.Mean, 12);
        Assert.Equal(deviation, summary.StandardDeviation!.Value, 12);
        Assert.Equal(2.5 - half, summary.MeanInterval!.Lower, 9);
        Assert.Equal(2.5 + half, summary.MeanInterval.Upper, 9);
        Assert.Equal(0.95, summary.MeanInterval.Level);
        Assert.Empty(summary.Notes);
    }

    [Fact]
    public void TheReferenceQuantileSolvesTheClosedFormCdfOfThreeDegreesOfFreedom()
    {
        // For 3 df, F(t) = 1/2 + (1/π)·(t/(√3·(1 + t²/3)) + atan(t/√3)) (Abramowitz & Stegun 26.7.3).
        static double Cdf3(double t) => 0.5 + ((t / (Math.Sqrt(3) * (1 + (t * t / 3)))) + Math.Atan(t / Math.Sqrt(3))) / Math.PI;

        Assert.Equal(0.975, Cdf3(T975With3Df), 12); // the density there is 0.02, so t is right to about 5e-11
        Assert.Equal(T975With3Df, SampleStatistics.CriticalValue(0.95, 3), 9);
    }

    [Theory]
    [InlineData(1, 12.706)] // published t table, two-sided 95 %
    [InlineData(2, 4.303)]
    [InlineData(9, 2.262)]
    [InlineData(29, 2.045)]
    public void CriticalValuesMatchPublishedTables(int degreesOfFreedom, double table) =>
        Assert.Equal(table, SampleStatistics.CriticalValue(0.95, degreesOfFreedom), 3);

    [Fact]
    public void ASingleValueHasNoSpreadAndSaysSo()
    {
        var summary = SampleStatistics.Summarize([0.93]);

        Assert.Equal((1, 0.93), (summary.Count, summary.Mean));
        Assert.Null(summary.StandardDeviation);
        Assert.Null(summary.MeanInterval);
        Assert.Contains("n = 1", Assert.Single(summary.Notes));
    }

    [Fact]
    public void EqualValuesGiveAZeroWidthIntervalAndANote()
    {
        var summary = SampleStatistics.Summarize([0.5, 0.5, 0.5]);

        Assert.Equal(0, summary.StandardDeviation);
        Assert.Equal((0.5, 0.5), (summary.MeanInterval!.Lower, summary.MeanInterval.Upper));
        Assert.Contains("zero width", Assert.Single(summary.Notes));
    }

    [Fact]
    public void NoValuesOrNonFiniteValuesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => SampleStatistics.Summarize([]));
        Assert.Throws<ArgumentException>(() => SampleStatistics.Summarize([1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleStatistics.Summarize([1, 2], level: 1));
    }

    [Fact]
    public void GroupsAreSummarisedSeparately()
    {
        var groups = SampleStatistics.SummarizeGroups([("hybrid", 0.9), ("classical", 0.7), ("hybrid", 0.8), ("classical", 0.5)]);

        Assert.Equal(["hybrid", "classical"], groups.Keys);
        Assert.Equal(0.85, groups["hybrid"].Mean, 12);
        Assert.Equal(0.6, groups["classical"].Mean, 12);
        Assert.Equal(Math.Sqrt(0.02), groups["classical"].StandardDeviation!.Value, 12);
    }

    [Theory]
    [InlineData(new double[] { }, null)]
    [InlineData(new double[] { 3, 1, 2 }, 2.0)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void TheMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes(double[] values, double? expected) => Assert.Equal(expected, Median.Of(values));
}
