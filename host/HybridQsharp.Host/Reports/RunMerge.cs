using System.Globalization;
using System.Text.Json;
using HybridQsharp.Host.Runs;

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
        {
            throw new InvalidDataException($"{runFolder} holds no metrics.json; is it a run folder?");
        }

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

    /// <summary>Settings that may differ between merged runs: merging is for repetitions (seeds) of one configuration.</summary>
    private static readonly HashSet<string> RepetitionSettings =
        new(StringComparer.OrdinalIgnoreCase) { "seed", "output", "resume", "dataDirectory" };

    /// <summary>
    /// Refuses to merge runs that were not started with the same settings apart from the seed (and
    /// where they were written): a mean over different configurations would silently mix them.
    /// </summary>
    /// <exception cref="InvalidDataException">A setting differs; the message names it and both values.</exception>
    public static void CheckComparable(IReadOnlyList<string> runFolders)
    {
        var settings = runFolders.Select(f => (Folder: f, Settings: SettingsOf(f))).ToList();
        var (firstFolder, first) = settings[0];
        foreach (var (folder, other) in settings.Skip(1))
        {
            var keys = first.Keys.Union(other.Keys, StringComparer.OrdinalIgnoreCase).Where(k => !RepetitionSettings.Contains(k))
                .Order(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var a = first.GetValueOrDefault(key, string.Empty);
                var b = other.GetValueOrDefault(key, string.Empty);
                if (!string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException(
                        $"cannot merge {firstFolder} and {folder}: they differ in {key} ({Shown(a)} vs {Shown(b)}); " +
                        $"merge runs of one configuration (e.g. seeds).");
                }
            }
        }

        static string Shown(string value) => value.Length == 0 ? "not set" : value;
    }

    /// <summary>The settings a run was started with (config.json's "settings"), as strings by key, case-insensitive.</summary>
    /// <exception cref="InvalidDataException">The folder has no config.json, or it does not read.</exception>
    public static Dictionary<string, string> SettingsOf(string runFolder)
    {
        var config = new RunFolder(runFolder).Config;
        if (!File.Exists(config))
        {
            throw new InvalidDataException($"{runFolder} holds no config.json; is it a run folder?");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(config));
            return document.RootElement.GetProperty("settings").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{config} is unreadable: {e.Message}");
        }
    }

    /// <summary>"mean ± std" over the values present (sample standard deviation, n - 1).</summary>
    public static string MeanStd(IEnumerable<double?> values, bool percent)
    {
        var present = values.Where(v => v is not null && double.IsFinite(v.Value)).Select(v => v!.Value * (percent ? 100 : 1)).ToList();
        if (present.Count == 0)
        {
            return "–";
        }

        var mean = present.Average();
        var std = present.Count < 2 ? 0 : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Count - 1));
        var unit = percent ? " %" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{mean:F2} ± {std:F2}{unit}");
    }
}
