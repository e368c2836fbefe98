namespace HybridQsharp.Host.Experiments;

/// <summary>Summary statistics the reports and benchmarks quote (medians: the machines are noisy).</summary>
public static class Statistics
{
    /// <summary>The median, or null for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
