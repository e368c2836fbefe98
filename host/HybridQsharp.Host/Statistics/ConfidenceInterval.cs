namespace HybridQsharp.Host.Statistics;

/// <summary>A two-sided confidence interval [Lower, Upper] at coverage <paramref name="Level"/> (0.95 for 95 %).</summary>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level)
{
    public double HalfWidth => (Upper - Lower) / 2;
}
