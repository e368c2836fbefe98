using System.Globalization;
using System.Net;
using System.Text;
using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Reports.Claims;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports;

/// <summary>
/// The report of a sweep (or of several runs): per (dataset, model) statistics over seeds, paired differences
/// hybrid − classical and hybrid − twin, the claims table, the figures, and every seed's numbers.
/// </summary>
public static class SweepReportDocument
{
    public const string RuleText = "Verdict rule: with at least two paired seeds, a claim holds when the 95 % confidence interval (Student t) "
        + "of the mean paired difference lies entirely on the claimed side (of 0, or of 5× for the speed-up); it does not hold when the "
        + "interval lies on the other side or contains the threshold (not significant); with fewer seeds it is not tested here.";

    private const string Style = "body{font-family:sans-serif;max-width:1300px;margin:2em auto;color:#222}"
        + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #bbb;padding:4px 8px;text-align:right;vertical-align:top}"
        + "td:first-child,th:first-child{text-align:left}img{max-width:100%;border:1px solid #ddd;margin:8px 0}";

    private const string GroupNote = "Each cell: mean ± sample sd [95 % CI of the mean, Student t]; n = seeds.";

    private const string PairNote = "First − second model over the seeds both have; paired t-test of mean difference = 0; "
        + "d_z = mean / sd of the differences.";

    public static string Markdown(string title, SweepStatistics statistics, IReadOnlyList<Claim> claims, IReadOnlyList<ReportDocument.Figure> figures,
        string folder, IReadOnlyList<string> notes)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {title}").AppendLine();
        foreach (var note in notes)
        {
            md.AppendLine($"- {note}");
        }

        md.AppendLine().AppendLine("## Per model, over seeds").AppendLine();
        md.AppendLine(GroupNote).AppendLine();
        md.AppendLine(GroupTable(statistics)).AppendLine();
        md.AppendLine("## Paired differences, per seed").AppendLine();
        md.AppendLine(PairNote).AppendLine();
        md.AppendLine(PairTable(statistics)).AppendLine();
        md.AppendLine("## The paper's claims").AppendLine();
        md.AppendLine(RuleText).AppendLine();
        md.AppendLine(ClaimsTable.Markdown(claims)).AppendLine();
        md.AppendLine("## Figures").AppendLine();
        foreach (var figure in figures)
        {
            md.AppendLine($"### {figure.Title}").AppendLine();
            md.AppendLine($"![{figure.Title}]({Path.GetRelativePath(folder, figure.PngPath)})").AppendLine();
        }

        md.AppendLine("## Every seed").AppendLine();
        md.AppendLine(SeedTable(statistics));
        return md.ToString();
    }

    public static string Html(
        string title, SweepStatistics statistics, IReadOnlyList<Claim> claims, IReadOnlyList<ReportDocument.Figure> figures,
        IReadOnlyList<string> notes)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title)).AppendLine("</title>");
        h.Append("<style>").Append(Style).AppendLine("</style></head><body>");
        h.Append("<h1>").Append(WebUtility.HtmlEncode(title)).AppendLine("</h1><ul>");
        foreach (var note in notes)
        {
            h.Append("<li>").Append(WebUtility.HtmlEncode(note)).AppendLine("</li>");
        }

        h.Append("</ul><h2>Per model, over seeds</h2><p>").Append(GroupNote).AppendLine("</p>")
            .AppendLine(ReportDocument.TableHtml(GroupTable(statistics)));
        h.Append("<h2>Paired differences, per seed</h2><p>").Append(WebUtility.HtmlEncode(PairNote)).AppendLine("</p>")
            .AppendLine(ReportDocument.TableHtml(PairTable(statistics)));
        h.Append("<h2>The paper's claims</h2><p>").Append(WebUtility.HtmlEncode(RuleText)).AppendLine("</p>").AppendLine(ClaimsTable.Html(claims));
        h.AppendLine("<h2>Figures</h2>");
        foreach (var figure in figures)
        {
            h.Append("<h3>").Append(WebUtility.HtmlEncode(figure.Title)).AppendLine("</h3>");
            h.Append("<img alt=\"").Append(WebUtility.HtmlEncode(figure.Title)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(File.ReadAllBytes(figure.PngPath))).AppendLine("\">");
        }

        h.AppendLine("<h2>Every seed</h2>").AppendLine(ReportDocument.TableHtml(SeedTable(statistics))).AppendLine("</body></html>");
        return h.ToString();
    }

    /// <summary>One row per (dataset, model): n and every metric as mean ± sd [CI].</summary>
    public static string GroupTable(SweepStatistics statistics)
    {
        var t = new StringBuilder("| dataset | model | n | " + string.Join(" | ", statistics.Metrics.Select(m => m.Header)) + " |\n");
        t.AppendLine("|---|---|---:|" + string.Concat(statistics.Metrics.Select(_ => "---:|")));
        foreach (var group in statistics.Groups)
        {
            t.AppendLine($"| {group.Dataset} | {group.Model.Key()} | {group.Seeds.Count} | "
                + string.Join(" | ", group.Metrics.Select(m => Summary(m.Summary, m.Metric))) + " |");
        }

        return t.ToString().TrimEnd();
    }

    /// <summary>One row per dataset, comparison and metric: pairs, mean difference, its CI, t, p and d_z.</summary>
    public static string PairTable(SweepStatistics statistics)
    {
        var t = new StringBuilder("| dataset | comparison | metric | pairs | mean difference | 95 % CI | t | p | d_z | notes |\n");
        t.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in statistics.Pairs)
        {
            var c = row.Comparison;
            var scale = row.Metric.Scale;
            var unit = row.Metric.Unit == "%" ? " points" : row.Metric.Unit.Length > 0 ? " " + row.Metric.Unit : string.Empty;
            t.AppendLine(string.Join(" | ",
                $"| {row.Dataset}", $"{row.First.Key()} − {row.Second.Key()}", row.Metric.Label, c.Pairs.ToString(CultureInfo.InvariantCulture),
                c.Difference is { } d ? Number(d.Mean * scale, signed: true) + unit : "–",
                c.Difference?.MeanInterval is { } ci ? $"[{Number(ci.Lower * scale, signed: true)}, {Number(ci.Upper * scale, signed: true)}]" : "–",
                c.TStatistic is { } tValue ? Number(tValue, signed: true) : "–",
                c.PValue is { } p ? p.ToString("G3", CultureInfo.InvariantCulture) : "–",
                c.EffectSizeDz is { } dz ? Number(dz, signed: true) : "–",
                string.Join("; ", c.Notes) + " |"));
        }

        return t.ToString().TrimEnd();
    }

    /// <summary>Every seed's own numbers, so each mean can be checked by hand.</summary>
    public static string SeedTable(SweepStatistics statistics)
    {
        var metrics = statistics.Metrics.Where(m => m != SeedMetric.Parameters).ToList();
        var t = new StringBuilder("| dataset | model | seed | " + string.Join(" | ", metrics.Select(m => m.Header)) + " |\n");
        t.AppendLine("|---|---|---:|" + string.Concat(metrics.Select(_ => "---:|")));
        foreach (var r in statistics.Results.OrderBy(r => SweepStatistics.DatasetOrder(r.Dataset)).ThenBy(r => r.Model).ThenBy(r => r.Seed))
        {
            t.AppendLine($"| {r.Dataset} | {r.Model.Key()} | {r.Seed} | "
                + string.Join(" | ", metrics.Select(m => m.Value(r) is { } v ? Number(v * m.Scale, signed: false, Decimals(m)) : "–")) + " |");
        }

        return t.ToString().TrimEnd();
    }

    private static string Summary(SampleSummary? summary, SeedMetric metric)
    {
        if (summary is null)
        {
            return "–";
        }

        var decimals = metric == SeedMetric.Parameters ? 0 : Decimals(metric);
        var text = Number(summary.Mean * metric.Scale, signed: false, decimals);
        if (summary.StandardDeviation is { } sd)
        {
            text += " ± " + Number(sd * metric.Scale, signed: false, decimals);
        }

        if (summary.MeanInterval is { } ci && summary.StandardDeviation > 0)
        {
            text += $" [{Number(ci.Lower * metric.Scale, signed: false, decimals)}, {Number(ci.Upper * metric.Scale, signed: false, decimals)}]";
        }

        return text;
    }

    /// <summary>Four decimals for unitless fractions (F1), two for percentages, seconds and megabytes.</summary>
    private static int Decimals(SeedMetric metric) => metric.Scale == 1 && metric.Unit.Length == 0 ? 4 : 2;

    private static string Number(double value, bool signed, int decimals = 2)
    {
        var digits = new string('0', decimals);
        var format = decimals == 0 ? "#,0" : $"0.{digits}";
        return value.ToString(signed ? $"+{format};-{format};{format}" : format, CultureInfo.InvariantCulture);
    }
}
