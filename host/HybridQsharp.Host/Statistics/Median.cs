namespace HybridQsharp.Host.Statistics;

/// <summary>The median the reports and benchmarks quote (the machines are noisy, so medians, not means).</summary>
public static class Median
{
    /// <summary>The median, or null for no values.</summary>
    public static double? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
