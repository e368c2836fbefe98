namespace HybridQsharp.Host.Statistics;

/// <summary>A sample's mean with its spread and the confidence interval of the mean.</summary>
/// <param name="Count">How many values (e.g. seeds).</param>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1 in the denominator); null for one value.</param>
/// <param name="MeanInterval">Student-t interval of the mean with n − 1 degrees of freedom; null for one value.</param>
/// <param name="Notes">Degenerate cases, in words a report can print (one value, no spread).</param>
public sealed record SampleSummary(int Count, double Mean, double? StandardDeviation, ConfidenceInterval? MeanInterval, IReadOnlyList<string> Notes);
