using System.Text.Json;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Sweeps;

namespace HybridQsharp.Tests.Host.Sweeps;

/// <summary>Reading a sweep folder the way a user would: the manifest, cell states, `sweep status --json`.</summary>
public static class SweepFolderAssert
{
    /// <summary>`hybridq sweep status --sweep DIR --json`: each cell's id and state.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> StatusAsync(string sweep, IReadOnlyDictionary<string, string>? environment = null)
    {
        var outcome = await HybridqProcess.RunAsync(Path.GetDirectoryName(sweep)!, environment, TimeSpan.FromMinutes(1),
            "sweep", "status", "--sweep", sweep, "--json");
        Assert.True(outcome.ExitCode == 0, $"sweep status failed (exit {outcome.ExitCode}): {outcome.StandardError}");
        using var document = JsonDocument.Parse(outcome.StandardOutput);
        return document.RootElement.EnumerateArray().ToDictionary(
            c => c.GetProperty("cell").GetProperty("id").GetString()!, c => c.GetProperty("state").GetString()!);
    }

    /// <summary>Polls `sweep status` until <paramref name="done"/> holds for the states, or fails after <paramref name="patience"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> WaitAsync(
        string sweep, Func<IReadOnlyDictionary<string, string>, bool> done, TimeSpan patience,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var deadline = DateTime.UtcNow + patience;
        IReadOnlyDictionary<string, string> states = new Dictionary<string, string>();
        while (DateTime.UtcNow < deadline)
        {
            states = await StatusAsync(sweep, environment);
            if (done(states))
            {
                return states;
            }

            await Task.Delay(1000);
        }

        var last = string.Join(", ", states.Select(s => $"{s.Key}={s.Value}"));
        Assert.Fail($"the sweep did not get there within {patience}: {last}\n{Outputs(sweep)}");
        return states;
    }

    /// <summary>Polls for a file every 50 ms, or fails after <paramref name="patience"/>.</summary>
    public static async Task WaitForFileAsync(string path, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} did not appear within {patience}");
            await Task.Delay(50);
        }
    }

    public static SweepManifest Manifest(string sweep) => new SweepFolder(sweep).ReadManifest();

    public static CellState CellState(string sweep, string cell) =>
        new SweepFolder(sweep).ReadCellState(cell) ?? throw new Xunit.Sdk.XunitException($"{cell} has no cell-state.json");

    public static ExperimentSummary Metrics(string sweep, string cell) =>
        JsonSerializer.Deserialize<ExperimentSummary>(File.ReadAllBytes(Path.Combine(sweep, "cells", cell, "metrics.json")), RunFolder.Json)!;

    /// <summary>Every cell's output and every Slurm task's output, for failure messages.</summary>
    public static string Outputs(string sweep) => string.Join("\n", Directory.Exists(sweep)
        ? Directory.GetFiles(sweep, "*.out", SearchOption.AllDirectories).Concat(Directory.GetFiles(sweep, "output.log", SearchOption.AllDirectories))
            .Select(f => $"--- {f}\n{string.Join("\n", File.ReadLines(f).TakeLast(15))}")
        : []);
}
