using HybridQsharp.Host.Reports;

namespace HybridQsharp.Host.Sweeps;

/// <summary>Per-seed results of a sweep's cells, for the statistics and the claims table.</summary>
public static class SweepResults
{
    /// <summary>The results of a sweep's completed cells, and a note for each cell that has none yet.</summary>
    public static (IReadOnlyList<SeedResult> Results, IReadOnlyList<string> Missing) Completed(SweepFolder folder)
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
}
