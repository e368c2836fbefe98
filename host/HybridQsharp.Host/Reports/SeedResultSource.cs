using System.Globalization;

namespace HybridQsharp.Host.Reports;

/// <summary>Per-seed results from run folders (their seed read from config.json); a sweep's cells: <c>SweepResults</c>.</summary>
public static class SeedResultSource
{
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
    /// <exception cref="InvalidDataException">config.json is missing or unreadable.</exception>
    public static int Seed(string runFolder) =>
        RunMerge.SettingsOf(runFolder).TryGetValue("seed", out var seed) && int.TryParse(seed, CultureInfo.InvariantCulture, out var value)
            ? value
            : 42;
}
