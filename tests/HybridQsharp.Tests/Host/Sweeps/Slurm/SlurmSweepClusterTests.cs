using System.Globalization;
using HybridQsharp.Host.Sweeps;
using HybridQsharp.Host.Sweeps.Slurm;

namespace HybridQsharp.Tests.Host.Sweeps.Slurm;

/// <summary>
/// Sweeps on the real single-node Slurm of tests/slurm/local-cluster.sh: a 2 × 2 micro-grid completes as one job
/// array; a task cancelled with scancel is reported by `sweep status` and completed by `sweep resume`.
/// </summary>
[Collection(LocalSlurmCollection.Name)]
public sealed class SlurmSweepClusterTests(LocalSlurmCluster cluster) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Epochs of the cancelled cell: enough that its training outlasts the cancel by seconds (an epoch of 384 MNIST images
    /// took 0.1 s in a Release build here), so the task is still running when scancel reaches it.
    /// </summary>
    private const int Epochs = 30;
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-slurm-sweep-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, string> Environment => new() { ["CI"] = "1", ["HYBRIDQ__Slurm__ConfigFile"] = cluster.ConfigFile };

    [SkippableFact]
    public async Task AMicroGridCompletesAsOneJobArray()
    {
        cluster.Require();
        var sweep = Path.Combine(_folder, "grid");

        var submitted = await HybridqProcess.RunAsync(_folder, Environment, TimeSpan.FromMinutes(1),
            "sweep", "--out", sweep, "--executor", "slurm", "--models", "classical", "twin", "--seeds", "1", "2",
            "--limit", "64", "--epochs", "1", "--batch-size", "32", "--set", "RobustnessSamples=32", "--set", "ReportFigures=metrics");

        Assert.True(submitted.ExitCode == 0, $"exit {submitted.ExitCode}: {submitted.StandardError}");
        var manifest = SweepFolderAssert.Manifest(sweep);
        var submission = Assert.Single(manifest.Submissions);
        Assert.Equal(manifest.Cells.Select(c => c.Id), submission.Cells);
        Assert.Equal([0, 1, 2, 3], manifest.Cells.Select(c => c.Slurm!.TaskId));
        Assert.All(manifest.Cells, c => Assert.Equal(submission.ArrayJobId, c.Slurm!.ArrayJobId));
        var states = await SweepFolderAssert.WaitAsync(sweep, s => s.Values.All(v => v == "completed"), Patience, Environment);

        Assert.Equal(4, states.Count);
        foreach (var cell in manifest.Cells)
        {
            var state = SweepFolderAssert.CellState(sweep, cell.Id);
            Assert.Equal(cell.Slurm, state.Slurm);
            Assert.Equal(3, Assert.Single(SweepFolderAssert.Metrics(sweep, cell.Id).Models).Attacks.Count);
            Assert.True(File.Exists(Path.Combine(sweep, "slurm", $"{cell.Slurm}.out")), $"no task output for {cell.Id}");
        }
    }

    [SkippableFact]
    public async Task ACancelledTaskIsReportedAndCompletedByResume()
    {
        cluster.Require();
        var sweep = Path.Combine(_folder, "cancelled");
        var submitted = await HybridqProcess.RunAsync(_folder, Environment, TimeSpan.FromMinutes(1),
            "sweep", "--out", sweep, "--executor", "slurm", "--models", "classical", "--seeds", "1", "2",
            "--limit", "384", "--epochs", Epochs.ToString(CultureInfo.InvariantCulture), "--batch-size", "32",
            "--set", "RobustnessSamples=32", "--set", "ReportFigures=metrics");
        Assert.True(submitted.ExitCode == 0, $"exit {submitted.ExitCode}: {submitted.StandardError}");
        var manifest = SweepFolderAssert.Manifest(sweep);
        var victim = manifest.Cells[0];

        // Cancel it mid-training: after its first checkpoint, so the resume has something to resume from. The file is
        // watched in-process because a `sweep status` round trip (a process start) can outlast a fast machine's training.
        var checkpoint = Path.Combine(sweep, "cells", victim.Id, "checkpoints", "classical", "last.ckpt");
        await SweepFolderAssert.WaitForFileAsync(checkpoint, Patience);
        Assert.NotEqual(CellStatus.Completed, SweepFolderAssert.CellState(sweep, victim.Id).State);
        await new SlurmClient(new SlurmOptions { ConfigFile = cluster.ConfigFile }).CancelTaskAsync(victim.Slurm!.ArrayJobId, victim.Slurm.TaskId);
        var afterCancel = await SweepFolderAssert.WaitAsync(
            sweep, s => s[victim.Id] != "running" && s[manifest.Cells[1].Id] == "completed", Patience, Environment);

        Assert.Equal("cancelled", afterCancel[victim.Id]);

        var resumed = await HybridqProcess.RunAsync(_folder, Environment, TimeSpan.FromMinutes(1), "sweep", "resume", "--sweep", sweep);

        Assert.True(resumed.ExitCode == 0, $"exit {resumed.ExitCode}: {resumed.StandardError}");
        var second = SweepFolderAssert.Manifest(sweep);
        Assert.Equal(2, second.Submissions.Count);
        Assert.Equal([victim.Id], second.Submissions[1].Cells);
        Assert.Equal(new SlurmTaskReference(second.Submissions[1].ArrayJobId, 0), second.Cells[0].Slurm);
        await SweepFolderAssert.WaitAsync(sweep, s => s.Values.All(v => v == "completed"), Patience, Environment);
        var state = SweepFolderAssert.CellState(sweep, victim.Id);
        Assert.Equal((CellStatus.Completed, 2), (state.State, state.Attempt));
        Assert.Equal(Enumerable.Range(1, Epochs), Assert.Single(SweepFolderAssert.Metrics(sweep, victim.Id).Models).History.Select(h => h.Epoch));
        Assert.Contains("resuming after epoch", await File.ReadAllTextAsync(Path.Combine(sweep, "slurm", $"{second.Cells[0].Slurm}.out")));
    }
}
