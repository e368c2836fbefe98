using System.Text.Json;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Sweeps;

namespace HybridQsharp.Host.Reports;

/// <summary>Where per-seed results come from: a sweep's completed cells, or run folders (their seed read from config.json).</summary>
public static class SeedResultSource
{
    /// <summary>The results of a sweep's completed cells, and a note for each cell that has none yet.</summary>
    public static (IReadOnlyList<SeedResult> Results, IReadOnlyList<string> Missing) FromSweep(SweepFolder folder)
    {
        var manifest = folder.ReadManifest();
        var results = new List<SeedResult>();
        var missing = new List<string>();
        foreach (var cell in manifest.Cells)
        {
            var metrics = Path.Combine(folder.CellFolder(cell.Id), "metrics.json");
            var outcome = File.Exists(metrics) ? RunMerge.Load(folder.CellFolder(cell.Id)) : null;
            var model = outcome?.Models.FirstOrDefault(m => m.Model == cell.Model && m.Completed && m.Test is not null);
            if (model is null)
            {
                missing.Add(cell.Id);
                continue;
            }

            results.Add(SeedResult.From(outcome!.Dataset, cell.Seed, model, SeedResult.Cores(outcome)));
        }

        return (results, missing);
    }

    /// <summary>Every completed model of each run folder, with the run's seed.</summary>
    /// <exception cref="InvalidDataException">A folder has no readable metrics.json.</exception>
    public static IReadOnlyList<SeedResult> FromRuns(IEnumerable<string> folders) =>
    [
        .. folders.SelectMany(folder =>
        {
            var summary = RunMerge.Load(folder);
            var seed = Seed(folder);
            return summary.Models.Where(m => m.Completed && m.Test is not null)
                .Select(m => SeedResult.From(summary.Dataset, seed, m, SeedResult.Cores(summary)));
        }),
    ];

    /// <summary>The seed a run was trained with (config.json settings.seed; 42, the default, when absent).</summary>
    public static int Seed(string runFolder)
    {
        var config = Path.Combine(runFolder, "config.json");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(config));
            var root = document.RootElement;
            if (root.TryGetProperty("settings", out var settings) && settings.TryGetProperty("seed", out var seed) && seed.TryGetInt32(out var value))
            {
                return value;
            }

            return 42;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidDataException($"{config} is missing or unreadable: {e.Message}");
        }
    }
}
