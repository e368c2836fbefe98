namespace HybridQsharp.Host.Statistics;

/// <summary>
/// First − second per seed (e.g. hybrid − classical accuracy of the same seed), over the seeds both have,
/// with a paired t-test of "mean difference = 0".
/// </summary>
/// <param name="Seeds">The seeds both sides have, ascending: the pairs.</param>
/// <param name="SeedsOnlyInFirst">Seeds the second side lacks; left out of every number here.</param>
/// <param name="SeedsOnlyInSecond">Seeds the first side lacks; left out of every number here.</param>
/// <param name="Differences">First − second for each of <paramref name="Seeds"/>, in that order.</param>
/// <param name="Difference">Mean, sd and confidence interval of the differences; null when no seed is paired.</param>
/// <param name="TStatistic">mean / (sd / √n) with n − 1 degrees of freedom; null for fewer than two pairs or sd 0.</param>
/// <param name="PValue">Two-sided p-value of <paramref name="TStatistic"/>; null when it is.</param>
/// <param name="EffectSizeDz">Cohen's d<sub>z</sub> = mean / sd of the differences; null when the t statistic is.</param>
/// <param name="Notes">Degenerate cases and unpaired seeds, in words a report can print.</param>
public sealed record PairedComparison(
    IReadOnlyList<int> Seeds,
    IReadOnlyList<int> SeedsOnlyInFirst,
    IReadOnlyList<int> SeedsOnlyInSecond,
    IReadOnlyList<double> Differences,
    SampleSummary? Difference,
    double? TStatistic,
    double? PValue,
    double? EffectSizeDz,
    IReadOnlyList<string> Notes)
{
    public int Pairs => Seeds.Count;

    /// <summary>Degrees of freedom of the t-test (pairs − 1), or null with fewer than two pairs.</summary>
    public int? DegreesOfFreedom => Pairs >= 2 ? Pairs - 1 : null;
}
