using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Figures;
using HybridQsharp.Host.Reports.Claims;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Statistics;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Reports;

/// <summary>Writes a sweep's (or a set of runs') report: statistics, paired tests, claims and the figures with intervals and bands.</summary>
public sealed class SweepReporter(FigureWriter writer, ILogger<SweepReporter> logger)
{
    /// <summary>Draws the figures into <paramref name="folder"/>/figures and writes report.md and report.html there.</summary>
    public (string Markdown, string Html) Write(string folder, string title, IReadOnlyList<SeedResult> results, IReadOnlyList<string> notes)
    {
        var statistics = SweepStatistics.Compute(results);
        var claims = ClaimsEvaluator.Evaluate(results);
        var figures = Draw(Path.Combine(folder, "figures"), statistics);
        var markdown = Path.Combine(folder, "report.md");
        var html = Path.Combine(folder, "report.html");
        RunFolder.WriteText(markdown, SweepReportDocument.Markdown(title, statistics, claims, figures, folder, notes));
        RunFolder.WriteText(html, SweepReportDocument.Html(title, statistics, claims, figures, notes));
        logger.LogInformation("Report over {Results} seed results with {Figures} figures: {Markdown}, {Html}",
            results.Count, figures.Count, markdown, html);
        return (markdown, html);
    }

    /// <summary>Test accuracy per model with CI bars per dataset, and validation accuracy curves with a band over seeds.</summary>
    public IReadOnlyList<ReportDocument.Figure> Draw(string directory, SweepStatistics statistics)
    {
        var figures = new List<ReportDocument.Figure>();
        var intervals = statistics.Groups.Where(g => g.Of(SeedMetric.TestAccuracy) is not null).GroupBy(g => g.Dataset)
            .Select(d => new DatasetIntervals(d.Key, [.. d.Select(g =>
            {
                var s = g.Of(SeedMetric.TestAccuracy)!;
                return new ModelInterval(g.Model.Key(), s.Mean, s.MeanInterval?.HalfWidth, s.Count);
            })]))
            .ToList();
        if (intervals.Count > 0)
        {
            var files = AccuracyIntervalFigure.Write(writer, directory, "test-accuracy-intervals",
                "Test accuracy per model: mean over seeds, 95 % CI", "Test accuracy", intervals);
            figures.Add(new ReportDocument.Figure("Test accuracy per model (mean, 95 % CI over seeds)", files.Png));
        }

        var bands = statistics.Results.Where(r => r.ValidationCurve.Count > 0).GroupBy(r => r.Dataset)
            .OrderBy(d => SweepStatistics.DatasetOrder(d.Key))
            .Select(d => new DatasetCurveBands(d.Key,
                [.. d.GroupBy(r => r.Model).OrderBy(m => m.Key).Select(m => new ModelCurveBand(m.Key.Key(), Band(m.ToList())))]))
            .ToList();
        if (bands.Count > 0)
        {
            var files = CurveBandFigure.Write(writer, directory, "validation-accuracy-bands",
                "Validation accuracy per epoch: mean over seeds, band = 95 % CI (within 0–100 %)", "Validation accuracy", bands);
            figures.Add(new ReportDocument.Figure("Validation accuracy per epoch (mean, 95 % CI band over seeds)", files.Png));
        }

        return figures;
    }

    /// <summary>Per epoch the mean over the seeds that reached it and the 95 % interval of that mean (the mean itself for one seed).</summary>
    public static IReadOnlyList<EpochBand> Band(IReadOnlyList<SeedResult> seeds)
    {
        var epochs = seeds.Max(s => s.ValidationCurve.Count);
        var band = new List<EpochBand>();
        for (var e = 0; e < epochs; e++)
        {
            var values = seeds.Where(s => s.ValidationCurve.Count > e).Select(s => s.ValidationCurve[e]).ToList();
            var summary = SampleStatistics.Summarize(values);
            var (lower, upper) = summary.MeanInterval is { } ci ? (ci.Lower, ci.Upper) : (summary.Mean, summary.Mean);
            band.Add(new EpochBand(e + 1, summary.Mean, lower, upper, summary.Count));
        }

        return band;
    }
}
