using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Host.Runs;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Reports;

/// <summary>Draws a run's figures and writes report.md and report.html into its folder.</summary>
public sealed class RunReporter(RunFigures figures, ILogger<RunReporter> logger)
{
    public async Task WriteAsync(RunFolder run, ExperimentSummary summary, ExperimentData? data, IReadOnlyList<ImageClassifier> models,
        QuantumCircuitExecution? execution, CancellationToken cancellationToken)
    {
        var drawn = await figures.DrawAsync(run, summary, data, models, execution, cancellationToken);
        var configuration = File.Exists(run.Config) ? await File.ReadAllTextAsync(run.Config, cancellationToken) : "{}";
        var title = $"HybridQsharp run: {summary.Dataset}, {summary.Plan.Preset.Key()} preset";
        RunFolder.WriteText(run.ReportMarkdown, ReportDocument.Markdown(summary, drawn, run.Path, configuration));
        RunFolder.WriteText(run.ReportHtml, ReportDocument.Html(title, summary, drawn, configuration));
        logger.LogInformation("Report with {Figures} figures: {Markdown}, {Html}", drawn.Count, run.ReportMarkdown, run.ReportHtml);
    }
}
