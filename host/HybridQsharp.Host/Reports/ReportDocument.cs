using System.Globalization;
using System.Net;
using System.Text;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports;

/// <summary>
/// report.md and a self-contained report.html (figures embedded as data URIs): configuration,
/// environment, our results beside the paper's, the figures, and a short reading of the numbers.
/// </summary>
public static class ReportDocument
{
    /// <summary>One figure of the report: a title and the PNG's path (relative to the run folder in the markdown).</summary>
    public sealed record Figure(string Title, string PngPath);

    public static string Markdown(ExperimentSummary summary, IReadOnlyList<Figure> figures, string runFolder, string configurationJson)
    {
        var md = new StringBuilder();
        md.AppendLine($"# HybridQsharp run: {summary.Dataset}, {summary.Plan.Preset.Key()} preset").AppendLine();
        md.AppendLine($"{summary.Plan.Epochs} epochs, batch {summary.Plan.BatchSize}" +
                      (summary.Plan.TrainLimit is { } l
                          ? $", {l:N0} training samples (a subset; the paper used the full split)"
                          : ", full training split") +
                      $", {(summary.Attack is { } a ? AttackMeasurement.Of(a, 0, 0).Label : "PGD (semantics not recorded)")}"
                      + $" every {summary.Plan.RobustnessEvery} epochs"
                      + (summary.Plan.RobustnessSamples is { } r ? $" on {r} samples." : " on the whole split.")).AppendLine();
        md.AppendLine("## Results beside the paper's").AppendLine();
        md.AppendLine(ResultsTable(summary)).AppendLine();
        md.AppendLine("## Reading").AppendLine();
        foreach (var line in Reading(summary))
        {
            md.AppendLine($"- {line}");
        }

        md.AppendLine();
        md.AppendLine("## Figures").AppendLine();
        foreach (var figure in figures)
        {
            md.AppendLine($"### {figure.Title}").AppendLine().AppendLine($"![{figure.Title}]({Path.GetRelativePath(runFolder, figure.PngPath)})")
                .AppendLine();
        }

        md.AppendLine("## Environment").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (key, value) in summary.Environment)
        {
            md.AppendLine($"| {key} | {value} |");
        }

        md.AppendLine().AppendLine("## Configuration").AppendLine().AppendLine("```json").AppendLine(configurationJson.Trim()).AppendLine("```");
        return md.ToString();
    }

    /// <summary>
    /// The results table: one row per model, ours then the paper's value where it has one; one column per attack
    /// the models met on the test split, headed by its semantics and ε (the paper's PGD figure is its own attack's).
    /// </summary>
    public static string ResultsTable(ExperimentSummary summary)
    {
        var attacks = AttackColumns.Of(summary.Models);
        var t = new StringBuilder();
        t.Append("| model | best val acc (ours) | best val acc (paper) | test acc (ours) | test acc (paper) | test macro F1 | ");
        t.Append(string.Concat(attacks.Select(a => AttackColumns.Header(a.Label) + " | ")));
        t.AppendLine("PGD acc (paper's figure, its attack) | params (ours) | params (paper) | epoch time s (ours, median) | epoch time s (paper) |");
        t.AppendLine("|---|---:|---:|---:|---:|---:|" + string.Concat(attacks.Select(_ => "---:|")) + "---:|---:|---:|---:|---:|");
        foreach (var m in summary.Models)
        {
            var paper = PaperReference.For(summary.Dataset, m.Model);
            var median = Median.Of(m.History.Select(h => h.EpochSeconds));
            t.AppendLine(string.Join(" | ",
                [$"| {m.Model.Key()}", Pct(m.BestValidationAccuracy), Pct(paper?.BestValidationAccuracy), Pct(m.Test?.Accuracy),
                Pct(paper?.TestAccuracy),
                m.Test is { } test ? test.Metrics.F1.ToString("F4", CultureInfo.InvariantCulture) : "–",
                .. attacks.Select(a => Pct(m.Attack(a.Semantics)?.Accuracy)),
                Pct(paper?.Robustness), m.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                paper?.Parameters.ToString("N0", CultureInfo.InvariantCulture) ?? "–",
                median?.ToString("F1", CultureInfo.InvariantCulture) ?? "–", (paper?.EpochSeconds ?? "–") + " |"]));
        }

        return t.ToString().TrimEnd();
    }

    public static string Html(string markdownTitle, ExperimentSummary summary, IReadOnlyList<Figure> figures, string configurationJson)
    {
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(markdownTitle))
            .AppendLine("</title>");
        h.AppendLine("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;font-size:13px}" +
            "td,th{border:1px solid #bbb;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}img{max-width:100%;" +
            "border:1px solid #ddd;margin:8px 0}pre{background:#f4f4f4;padding:8px;overflow:auto}</style></head><body>");
        h.Append("<h1>").Append(WebUtility.HtmlEncode(markdownTitle)).AppendLine("</h1>");
        h.AppendLine("<h2>Results beside the paper's</h2>").AppendLine(TableHtml(ResultsTable(summary)));
        h.AppendLine("<h2>Reading</h2><ul>");
        foreach (var line in Reading(summary))
        {
            h.Append("<li>").Append(WebUtility.HtmlEncode(line)).AppendLine("</li>");
        }

        h.AppendLine("</ul><h2>Figures</h2>");
        foreach (var figure in figures)
        {
            var data = Convert.ToBase64String(File.ReadAllBytes(figure.PngPath));
            h.Append("<h3>").Append(WebUtility.HtmlEncode(figure.Title)).AppendLine("</h3>");
            h.Append("<img alt=\"").Append(WebUtility.HtmlEncode(figure.Title)).Append("\" src=\"data:image/png;base64,").Append(data)
                .AppendLine("\">");
        }

        h.AppendLine("<h2>Environment</h2><table>");
        foreach (var (key, value) in summary.Environment)
        {
            h.Append("<tr><td>").Append(WebUtility.HtmlEncode(key)).Append("</td><td>").Append(WebUtility.HtmlEncode(value)).AppendLine("</td></tr>");
        }

        h.AppendLine("</table><h2>Configuration</h2><pre>").Append(WebUtility.HtmlEncode(configurationJson)).AppendLine("</pre></body></html>");
        return h.ToString();
    }

    /// <summary>Plain statements the numbers support, including whether the hybrid's edge survives the twin.</summary>
    public static IEnumerable<string> Reading(ExperimentSummary summary)
    {
        var byModel = summary.Models.Where(m => m.Test is not null).ToDictionary(m => m.Model);
        if (summary.Plan.TrainLimit is not null || summary.Plan.Epochs < 50)
        {
            yield return $"This run used the {summary.Plan.Preset.Key()} preset ({summary.Plan.Epochs} epochs" +
                (summary.Plan.TrainLimit is { } l ? $", {l:N0} training images" : string.Empty) +
                "); its accuracies are not comparable with the paper's 50-epoch numbers, only with each other.";
        }

        if (byModel.TryGetValue(ModelKind.Hybrid, out var hybrid) && byModel.TryGetValue(ModelKind.Classical, out var classical))
        {
            var gap = hybrid.Test!.Accuracy - classical.Test!.Accuracy;
            yield return $"Test accuracy: hybrid {hybrid.Test.Accuracy:P2} vs classical {classical.Test.Accuracy:P2} ({gap * 100:+0.00;-0.00} " +
                $"points), with {hybrid.Parameters:N0} vs {classical.Parameters:N0} parameters.";
        }

        if (byModel.TryGetValue(ModelKind.Hybrid, out hybrid) && byModel.TryGetValue(ModelKind.Twin, out var twin))
        {
            var gap = hybrid.Test!.Accuracy - twin.Test!.Accuracy;
            yield return Math.Abs(gap) < 0.005
                ? $"The twin (the hybrid with its quantum layer replaced by Linear+tanh of the same widths) reaches {twin.Test.Accuracy:P2}, " +
                    $"within half a point of the hybrid: the quantum layer itself adds no measurable accuracy here."
                : $"The twin (quantum layer replaced by Linear+tanh of the same widths) reaches {twin.Test.Accuracy:P2}; " +
                    $"the hybrid is {gap * 100:+0.00;-0.00} points from it, which is the quantum layer's own contribution in this run.";
        }
        else if (byModel.ContainsKey(ModelKind.Hybrid) && byModel.ContainsKey(ModelKind.Classical))
        {
            yield return "The hybrid and classical networks differ in more than the quantum layer (different convolutions and heads); " +
                "train --model all to add the twin and isolate the quantum layer's contribution.";
        }

        if (summary.Attack is { } attack)
        {
            yield return $"Robustness during training (every {summary.Plan.RobustnessEvery} epochs, validation split): {attack.Description}.";
        }

        foreach (var m in summary.Models.Where(m => m.Attacks.Count > 0 && m.Test is not null))
        {
            var split = m.Attack(AttackSemantics.ClampOnly) is { } clamp && m.Attack(AttackSemantics.Paper) is { } paper
                ? $" Of the paper attack's {(m.Test!.Accuracy - paper.Accuracy) * 100:F2}-point drop, the clamp to [0, 1] in normalised space "
                    + $"alone accounts for {(m.Test.Accuracy - clamp.Accuracy) * 100:F2}."
                : string.Empty;
            yield return $"{m.Model.Key()} on the test split: clean {m.Test!.Accuracy:P2}; "
                + string.Join("; ", m.Attacks.Select(a => $"{a.Label} {a.Accuracy:P2}")) + "." + split;
        }

        foreach (var m in summary.Models.Where(m => m.History.Count > 0))
        {
            var quantum = m.History.Sum(h => h.QuantumSeconds);
            var total = m.History.Sum(h => h.EpochSeconds);
            var data = m.History.Sum(h => h.DataSeconds);
            if (total > 0)
            {
                yield return $"{m.Model.Key()}: median epoch {Median.Of(m.History.Select(h => h.EpochSeconds)):F1} s; " +
                    $"data pipeline {data / total:P1} and quantum layer {quantum / total:P1} of training time; " +
                    $"peak working set {m.History.Max(h => h.PeakWorkingSetBytes) / (1024.0 * 1024):F0} MB (this process only).";
            }
        }
    }

    internal static string TableHtml(string markdownTable)
    {
        var rows = markdownTable.Split('\n').Where(r => r.StartsWith('|') && !r.StartsWith("|---", StringComparison.Ordinal)).ToList();
        var h = new StringBuilder("<table>");
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Trim().Trim('|').Split('|').Select(c => WebUtility.HtmlEncode(c.Trim()));
            var tag = i == 0 ? "th" : "td";
            h.Append("<tr>").Append(string.Concat(cells.Select(c => $"<{tag}>{c}</{tag}>"))).Append("</tr>");
        }

        return h.Append("</table>").ToString();
    }

    private static string Pct(double? value) =>
        value is { } v && !double.IsInfinity(v) ? (v * 100).ToString("F2", CultureInfo.InvariantCulture) + " %" : "–";
}
