using System.Globalization;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports.Claims;

/// <summary>
/// The verdict rule, one for every claim about a quantity measured over seeds: with at least two seeds (pairs, for a
/// difference) the claim holds when the 95 % confidence interval lies entirely on the claimed side of its threshold
/// (0 for "hybrid − classical &gt; 0", 5 for "at least 5× faster"); it does not hold when the interval lies on the
/// other side (the opposite is shown) or contains the threshold (not significant); with fewer than two there is no
/// interval and the claim is not tested here.
/// </summary>
public static class ClaimRules
{
    /// <summary>The verdict and its reason for a paired comparison in the claimed direction (threshold 0).</summary>
    /// <param name="scale">Shows the interval in display units (100 for fractions).</param>
    /// <param name="unit">The display unit ("points", "MB").</param>
    public static (ClaimVerdict Verdict, string Reason) OnDifference(
        PairedComparison comparison, ClaimDirection direction, double scale, string unit) =>
        OnInterval(comparison.Difference, direction, 0, scale, unit,
            comparison.PValue is { } p ? string.Create(CultureInfo.InvariantCulture, $"paired t-test p = {p:G3}, ") : string.Empty);

    /// <summary>The verdict and its reason for a sample (null: none) against a threshold in the claimed direction.</summary>
    public static (ClaimVerdict Verdict, string Reason) OnInterval(
        SampleSummary? sample, ClaimDirection direction, double threshold, double scale, string unit, string test = "")
    {
        var n = sample?.Count ?? 0;
        if (sample?.MeanInterval is not { } ci || n < 2)
        {
            return (ClaimVerdict.NotTestedHere, $"n = {n}: an interval needs at least 2 seeds");
        }

        var shownUnit = unit.Length > 0 ? " " + unit : string.Empty;
        var interval = string.Create(CultureInfo.InvariantCulture, $"the 95 % CI [{ci.Lower * scale:F2}, {ci.Upper * scale:F2}]{shownUnit}");
        var limit = (threshold * scale).ToString("0.##", CultureInfo.InvariantCulture);
        var detail = $" ({test}n = {n})";
        var (claimed, other) = direction == ClaimDirection.Positive
            ? (ci.Lower > threshold, ci.Upper < threshold)
            : (ci.Upper < threshold, ci.Lower > threshold);
        var (side, opposite) = direction == ClaimDirection.Positive ? ("above", "below") : ("below", "above");
        if (claimed)
        {
            return (ClaimVerdict.Holds, $"{interval} lies {side} {limit}{detail}");
        }

        return other
            ? (ClaimVerdict.DoesNotHold, $"the opposite: {interval} lies {opposite} {limit}{detail}")
            : (ClaimVerdict.DoesNotHold, $"not significant: {interval} contains {limit}{detail}");
    }

    /// <summary>
    /// A claim over several datasets: it holds when it holds on every dataset that tests it, does not hold when it
    /// fails on any, and is not tested when none tests it.
    /// </summary>
    public static (ClaimVerdict Verdict, string Reason) AcrossDatasets(IReadOnlyList<(string Dataset, ClaimVerdict Verdict, string Reason)> parts)
    {
        var tested = parts.Where(p => p.Verdict != ClaimVerdict.NotTestedHere).ToList();
        var reason = string.Join("; ", parts.Select(p => $"{p.Dataset}: {p.Reason}"));
        if (tested.Count == 0)
        {
            return (ClaimVerdict.NotTestedHere, reason);
        }

        return (tested.All(p => p.Verdict == ClaimVerdict.Holds) ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold, reason);
    }
}
