using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Tests.Host.Statistics;

/// <summary>
/// The paired t-test against hand computation. With 1 and 2 degrees of freedom the t distribution has closed forms
/// (Abramowitz &amp; Stegun 26.7.3): 1 df is the Cauchy distribution, two-sided p = 1 − 2·atan(|t|)/π and
/// t(0.975) = tan(0.475·π) (tables: 12.706); 2 df has F(t) = 1/2 + t/(2·√(2 + t²)), so p = 1 − |t|/√(2 + t²)
/// and t(q) = (2q − 1)/√(2q(1 − q)) (tables: 4.303 for q = 0.975).
/// </summary>
public sealed class PairedDifferencesTests
{
    [Fact]
    public void TwoSeedsGiveTheOneDegreeOfFreedomTestByHand()
    {
        var hybrid = new Dictionary<int, double> { [1] = 0.9, [2] = 0.8 };
        var classical = new Dictionary<int, double> { [1] = 0.7, [2] = 0.5 };

        var comparison = PairedDifferences.Compare(hybrid, classical);

        // differences 0.2 and 0.3: mean 0.25, sd √(2·0.05²/1) = 0.0707, standard error sd/√2 = 0.05, t = 5.
        var deviation = Math.Sqrt(0.005);
        var critical = Math.Tan(0.475 * Math.PI);
        Assert.Equal([1, 2], comparison.Seeds);
        Assert.Equal(1, comparison.DegreesOfFreedom);
        Assert.Equal(0.25, comparison.Difference!.Mean, 12);
        Assert.Equal(deviation, comparison.Difference.StandardDeviation!.Value, 12);
        Assert.Equal(5, comparison.TStatistic!.Value, 9);
        Assert.Equal(1 - (2 * Math.Atan(5) / Math.PI), comparison.PValue!.Value, 12);
        Assert.Equal(0.25 / deviation, comparison.EffectSizeDz!.Value, 9);
        Assert.Equal(0.25 - (critical * 0.05), comparison.Difference.MeanInterval!.Lower, 9);
        Assert.Equal(0.25 + (critical * 0.05), comparison.Difference.MeanInterval.Upper, 9);
        Assert.Empty(comparison.Notes);
    }

    [Fact]
    public void SeedsPresentOnOneSideOnlyAreLeftOutAndNamed()
    {
        var hybrid = new Dictionary<int, double> { [1] = 0.50, [2] = 0.90, [3] = 0.80, [4] = 0.85 };
        var classical = new Dictionary<int, double> { [2] = 0.80, [3] = 0.75, [4] = 0.70, [5] = 0.60 };

        var comparison = PairedDifferences.Compare(hybrid, classical);

        // seeds 2, 3, 4: differences 0.10, 0.05, 0.15; mean 0.1, sd 0.05, se 0.05/√3, t = 2√3 with 2 df.
        var t = 2 * Math.Sqrt(3);
        var critical = 0.95 / Math.Sqrt(2 * 0.975 * 0.025);
        var standardError = 0.05 / Math.Sqrt(3);
        Assert.Equal([2, 3, 4], comparison.Seeds);
        Assert.Equal([1], comparison.SeedsOnlyInFirst);
        Assert.Equal([5], comparison.SeedsOnlyInSecond);
        Assert.Equal(2, comparison.DegreesOfFreedom);
        Assert.Equal(0.1, comparison.Difference!.Mean, 12);
        Assert.Equal(t, comparison.TStatistic!.Value, 9);
        Assert.Equal(1 - (t / Math.Sqrt(2 + (t * t))), comparison.PValue!.Value, 12);
        Assert.Equal(2, comparison.EffectSizeDz!.Value, 9);
        Assert.Equal(0.1 - (critical * standardError), comparison.Difference.MeanInterval!.Lower, 9);
        Assert.Equal(0.1 + (critical * standardError), comparison.Difference.MeanInterval.Upper, 9);
        var note = Assert.Single(comparison.Notes);
        Assert.Contains("1 (first only)", note);
        Assert.Contains("5 (second only)", note);
    }

    [Fact]
    public void TheSignFollowsFirstMinusSecond()
    {
        var a = new Dictionary<int, double> { [1] = 0.9, [2] = 0.8 };
        var b = new Dictionary<int, double> { [1] = 0.7, [2] = 0.5 };

        var forward = PairedDifferences.Compare(a, b);
        var backward = PairedDifferences.Compare(b, a);

        Assert.Equal(-forward.TStatistic!.Value, backward.TStatistic!.Value, 12);
        Assert.Equal(forward.PValue!.Value, backward.PValue!.Value, 12);
    }

    [Fact]
    public void IdenticalDifferencesHaveNoTestAndSaySo()
    {
        var first = new Dictionary<int, double> { [1] = 1.0, [2] = 2.0, [3] = 3.0 };
        var second = new Dictionary<int, double> { [1] = 0.5, [2] = 1.5, [3] = 2.5 };

        var comparison = PairedDifferences.Compare(first, second);

        Assert.Equal(0.5, comparison.Difference!.Mean);
        Assert.Equal(0, comparison.Difference.StandardDeviation);
        Assert.Null(comparison.TStatistic);
        Assert.Null(comparison.PValue);
        Assert.Null(comparison.EffectSizeDz);
        Assert.Contains(comparison.Notes, n => n.Contains("sd 0", StringComparison.Ordinal));
    }

    [Fact]
    public void OnePairOrNoPairIsStatedNotComputed()
    {
        var one = PairedDifferences.Compare(new Dictionary<int, double> { [7] = 0.9 }, new Dictionary<int, double> { [7] = 0.6, [8] = 0.5 });
        var none = PairedDifferences.Compare(new Dictionary<int, double> { [1] = 0.9 }, new Dictionary<int, double> { [2] = 0.6 });

        Assert.Equal(0.3, one.Difference!.Mean, 12);
        Assert.Null(one.DegreesOfFreedom);
        Assert.Null(one.PValue);
        Assert.Contains(one.Notes, n => n.Contains("one pair", StringComparison.Ordinal));
        Assert.Equal(0, none.Pairs);
        Assert.Null(none.Difference);
        Assert.Contains(none.Notes, n => n.Contains("no seed has both", StringComparison.Ordinal));
    }
}
