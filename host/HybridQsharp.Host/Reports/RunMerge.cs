using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports;

/// <summary>Reading runs' metrics.json, and mean ± sample standard deviation for tables.</summary>
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
