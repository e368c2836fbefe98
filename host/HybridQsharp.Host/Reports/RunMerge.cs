using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports;

/// <summary>Several runs of the same experiment (e.g. seeds) merged into mean ± sample standard deviation per model.</summary>
public static class RunMerge
{
    public static IReadOnlyList<ExperimentSummary> Load(IEnumerable<string> runFolders) => runFolders.Select(Load).ToList();

    /// <exception cref="InvalidDataException">The folder has no readable metrics.json.</exception>
    public static ExperimentSummary Load(string runFolder)
    {
        var path = Path.Combine(runFolder, "metrics.json");
        if (!File.Exists(path))
            throw new InvalidDataException($"{runFolder} holds no metrics.json; is it a run folder?");
        try
        {
            return JsonSerializer.Deserialize<ExperimentSummary>(File.ReadAllBytes(path), RunFolder.Json)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid metrics JSON: {e.Message}");
        }
    }

    public static string Markdown(IReadOnlyList<ExperimentSummary> runs, IReadOnlyList<string> folders)
    {
        var md = new StringBuilder();
        md.AppendLine($"# HybridQsharp: {runs.Count} runs merged").AppendLine();
        md.AppendLine("Runs: " + string.Join(", ", folders.Select(f => $"`{f}`"))).AppendLine();
        var attacks = AttackColumns.Of(runs.SelectMany(r => r.Models));
        md.AppendLine("| dataset | model | runs | best val acc | test acc | test macro F1 | " + string.Concat(attacks.Select(a => AttackColumns.Header(a.Label) + " | ")) + "median epoch s |");
        md.AppendLine("|---|---|---:|---:|---:|---:|" + string.Concat(attacks.Select(_ => "---:|")) + "---:|");
        foreach (var group in runs.SelectMany(r => r.Models.Select(m => (r.Dataset, Model: m))).GroupBy(x => (x.Dataset, x.Model.Model)))
        {
            var models = group.Select(g => g.Model).ToList();
            md.AppendLine(string.Join(" | ",
                [$"| {group.Key.Dataset}", group.Key.Model.Key(), models.Count.ToString(CultureInfo.InvariantCulture),
                MeanStd(models.Select(m => (double?)m.BestValidationAccuracy), percent: true),
                MeanStd(models.Select(m => m.Test?.Accuracy), percent: true),
                MeanStd(models.Select(m => m.Test?.Metrics.F1), percent: false),
                .. attacks.Select(a => MeanStd(models.Select(m => m.Attack(a.Semantics)?.Accuracy), percent: true)),
                MeanStd(models.Select(m => Median.Of(m.History.Select(h => h.EpochSeconds))), percent: false) + " |"]));
        }

        return md.ToString();
    }

    /// <summary>"mean ± std" over the values present (sample standard deviation, n - 1).</summary>
    public static string MeanStd(IEnumerable<double?> values, bool percent)
    {
        var present = values.Where(v => v is not null && double.IsFinite(v.Value)).Select(v => v!.Value * (percent ? 100 : 1)).ToList();
        if (present.Count == 0)
            return "–";
        var mean = present.Average();
        var std = present.Count < 2 ? 0 : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Count - 1));
        var unit = percent ? " %" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{mean:F2} ± {std:F2}{unit}");
    }
}
