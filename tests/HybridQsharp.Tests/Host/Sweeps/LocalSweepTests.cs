using System.Diagnostics;
using System.Globalization;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Sweeps;

namespace HybridQsharp.Tests.Host.Sweeps;

/// <summary>
/// The local executor with the real executable: a 2 × 2 micro-grid runs as child processes two at a time and a rerun
/// skips it; Ctrl+C leaves interrupted cells that a resume finishes from their checkpoints.
/// </summary>
public sealed class LocalSweepTests : IDisposable
{
    private static readonly Dictionary<string, string> Environment = new() { ["CI"] = "1" };

    // Tiny cells: seconds each (classical and twin need no circuit lifting), every stage of a run exercised.
    private static readonly string[] Tiny =
        ["--limit", "64", "--epochs", "1", "--batch-size", "32", "--set", "RobustnessSamples=32", "--set", "ReportFigures=metrics"];

    private readonly string _folder = Directory.CreateTempSubdirectory("hq-sweep-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AMicroGridCompletesTwoAtATimeAndARerunSkipsIt()
    {
        var sweep = Path.Combine(_folder, "grid");
        string[] arguments = ["sweep", "--out", sweep, "--models", "classical", "twin", "--seeds", "1", "2", "--parallel", "2", .. Tiny];

        var first = await HybridqProcess.RunAsync(_folder, Environment, TimeSpan.FromMinutes(4), arguments);

        Assert.True(first.ExitCode == 0, $"exit {first.ExitCode}:\n{first.StandardError}\n{SweepFolderAssert.Outputs(sweep)}");
        var manifest = SweepFolderAssert.Manifest(sweep);
        Assert.Equal(["mnist-classical-s1", "mnist-classical-s2", "mnist-twin-s1", "mnist-twin-s2"], manifest.Cells.Select(c => c.Id));
        Assert.All(manifest.Cells, c => Assert.Equal(CellStatus.Completed, c.State));
        Assert.Contains("2 at a time, 1 thread(s) each", first.StandardError);
        foreach (var cell in manifest.Cells)
        {
            var state = SweepFolderAssert.CellState(sweep, cell.Id);
            Assert.Equal((CellStatus.Completed, 1, 0, 1), (state.State, state.Attempt, state.ExitCode, state.CompletedEpochs));
            var outcome = Assert.Single(SweepFolderAssert.Metrics(sweep, cell.Id).Models);
            Assert.Equal(cell.Model, outcome.Model);
            Assert.Equal([AttackSemantics.Sound, AttackSemantics.Paper, AttackSemantics.ClampOnly], outcome.Attacks.Select(a => a.Semantics));
            Assert.True(File.Exists(Path.Combine(sweep, "cells", cell.Id, "report.md")), $"{cell.Id} has no report");
        }

        var again = await HybridqProcess.RunAsync(_folder, Environment, TimeSpan.FromMinutes(2), arguments);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("4 completed, 0 queued or running, 0 to run", again.StandardError);
        Assert.All(manifest.Cells, c => Assert.Equal(1, SweepFolderAssert.CellState(sweep, c.Id).Attempt));
    }

    [Fact]
    public async Task CtrlCInterruptsTheCellsAndAResumeFinishesThemFromTheirCheckpoints()
    {
        var sweep = Path.Combine(_folder, "interrupted");
        string[] arguments =
            ["sweep", "--out", sweep, "--models", "classical", "--seeds", "1", "2", "--parallel", "2", "--limit", "384", "--epochs", "4",
             "--batch-size", "32", "--set", "RobustnessSamples=32", "--set", "ReportFigures=metrics"];
        var start = new ProcessStartInfo(HybridqProcess.Executable)
        {
            WorkingDirectory = _folder, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var checkpoints = Path.Combine(sweep, "cells");
        var waited = Stopwatch.StartNew();
        while (!process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(3)
            && !(Directory.Exists(checkpoints) && Directory.GetFiles(checkpoints, "last.ckpt", SearchOption.AllDirectories).Length > 0))
        {
            await Task.Delay(100);
        }

        if (process.HasExited)
        {
            Assert.Fail($"the sweep ended before a checkpoint appeared:\n{await stderr}");
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        var log = await stderr;

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}:\n{log}");
        Assert.Contains("continue with: hybridq sweep resume", log);
        Assert.DoesNotContain("   at ", log);
        var interrupted = SweepFolderAssert.Manifest(sweep).Cells.Where(c => c.State == CellStatus.Interrupted).Select(c => c.Id).ToList();
        Assert.NotEmpty(interrupted);
        var status = await SweepFolderAssert.StatusAsync(sweep, Environment);
        Assert.All(interrupted, id => Assert.Equal("interrupted", status[id]));

        // Which cells had checkpointed is known only now: after the resume every cell has checkpoints.
        var checkpointed = interrupted
            .Where(id => File.Exists(Path.Combine(sweep, "cells", id, "checkpoints", "classical", "last.ckpt")))
            .ToHashSet();
        var resumed = await HybridqProcess.RunAsync(_folder, Environment, TimeSpan.FromMinutes(4),
            "sweep", "resume", "--sweep", sweep, "--parallel", "2");

        Assert.True(resumed.ExitCode == 0, $"resume failed, exit {resumed.ExitCode}:\n{resumed.StandardError}\n{SweepFolderAssert.Outputs(sweep)}");
        foreach (var id in interrupted)
        {
            var state = SweepFolderAssert.CellState(sweep, id);
            Assert.Equal((CellStatus.Completed, 2), (state.State, state.Attempt));
            Assert.Equal([1, 2, 3, 4], Assert.Single(SweepFolderAssert.Metrics(sweep, id).Models).History.Select(h => h.Epoch));
            var output = await File.ReadAllTextAsync(Path.Combine(sweep, "cells", id, "output.log"));
            if (checkpointed.Contains(id))
            {
                Assert.Contains("resuming after epoch", output);
            }
        }
    }
}
