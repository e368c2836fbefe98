using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace HybridQsharp.Host.Statistics;

/// <summary>Means, sample standard deviations and Student-t confidence intervals across seeds.</summary>
public static class SampleStatistics
{
    public const double DefaultLevel = 0.95;

    /// <summary>
    /// Mean, sample standard deviation and the <paramref name="level"/> confidence interval of the mean,
    /// mean ± t<sub>(1+level)/2, n−1</sub> · sd / √n. One value has no spread: its deviation and interval are null, and a note says so.
    /// </summary>
    public static SampleSummary Summarize(IEnumerable<double> values, double level = DefaultLevel)
    {
        CheckLevel(level);
        var sample = values.ToArray();
        if (sample.Length == 0)
        {
            throw new ArgumentException("A summary needs at least one value.", nameof(values));
        }

        if (sample.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"A summary needs finite values (got {sample.First(v => !double.IsFinite(v))}).", nameof(values));
        }

        if (sample.Length == 1)
        {
            return new SampleSummary(1, sample[0], null, null, ["n = 1: no standard deviation or confidence interval"]);
        }

        var (mean, deviation) = sample.MeanStandardDeviation();
        var half = CriticalValue(level, sample.Length - 1) * deviation / Math.Sqrt(sample.Length);
        IReadOnlyList<string> notes = deviation == 0 ? ["all values equal: the interval has zero width"] : [];
        return new SampleSummary(sample.Length, mean, deviation, new ConfidenceInterval(mean - half, mean + half, level), notes);
    }

    /// <summary>A summary per group (e.g. per model), groups in first-seen order.</summary>
    public static IReadOnlyDictionary<TGroup, SampleSummary> SummarizeGroups<TGroup>(IEnumerable<(TGroup Group, double Value)> values,
        double level = DefaultLevel)
        where TGroup : notnull =>
        values.GroupBy(v => v.Group).ToDictionary(g => g.Key, g => Summarize(g.Select(v => v.Value), level));

    /// <summary>The Student-t quantile t<sub>(1+level)/2, df</sub> that a two-sided interval at <paramref name="level"/> uses.</summary>
    public static double CriticalValue(double level, int degreesOfFreedom)
    {
        CheckLevel(level);
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return StudentT.InvCDF(0, 1, degreesOfFreedom, 0.5 + (level / 2));
    }

    /// <summary>The two-sided p-value of a t statistic: P(|T| ≥ |t|) for T ~ t(df).</summary>
    public static double TwoSidedPValue(double t, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        // The lower tail of −|t| keeps small p-values exact where 1 − CDF(|t|) would round to 0.
        return Math.Min(1, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t)));
    }

    private static void CheckLevel(double level)
    {
        if (!(level is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A confidence level lies strictly between 0 and 1.");
        }
    }
}
