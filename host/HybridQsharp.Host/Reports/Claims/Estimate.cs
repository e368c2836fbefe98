using System.Globalization;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports.Claims;

/// <summary>One number of our estimate for a claim: what it is, its mean, its 95 % interval and how many seeds (or pairs) it rests on.</summary>
/// <param name="Unit">The display unit: "%", "points", "×", "MB", "s" or none.</param>
/// <param name="Scale">The factor values are shown with (100 for fractions shown as percent or points).</param>
/// <param name="Signed">Show the sign (differences).</param>
public sealed record Estimate(string Label, double Mean, ConfidenceInterval? Interval, int Count, string Unit, double Scale = 1, bool Signed = false)
{
    public static Estimate Of(string label, SampleSummary summary, string unit, double scale = 1, bool signed = false) =>
        new(label, summary.Mean, summary.MeanInterval, summary.Count, unit, scale, signed);

    /// <summary>e.g. "hybrid − classical: +0.93 points [0.41, 1.45], n = 5".</summary>
    public override string ToString()
    {
        var format = Signed ? "+0.00;-0.00;0.00" : "0.00";
        var unit = Unit switch
        {
            "" => string.Empty,
            "×" => "×",
            _ => " " + Unit,
        };
        var text = $"{Label}: {(Mean * Scale).ToString(format, CultureInfo.InvariantCulture)}{unit}";
        if (Interval is { } ci)
        {
            var lower = (ci.Lower * Scale).ToString(format, CultureInfo.InvariantCulture);
            var upper = (ci.Upper * Scale).ToString(format, CultureInfo.InvariantCulture);
            text += $" [{lower}, {upper}]";
        }

        return text + string.Create(CultureInfo.InvariantCulture, $", n = {Count}");
    }
}
