using HybridQsharp.Host.Sweeps.Slurm;

namespace HybridQsharp.Tests.Host.Sweeps.Slurm;

/// <summary>The Slurm client against a real slurmctld and slurmd (tests/slurm/local-cluster.sh).</summary>
[Collection(LocalSlurmCollection.Name)]
public sealed class SlurmClientClusterTests(LocalSlurmCluster cluster) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-slurm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public async Task ATwoTaskArrayOfWrappedCommandsCompletes()
    {
        cluster.Require();
        var client = new SlurmClient(new SlurmOptions { ConfigFile = cluster.ConfigFile, TimeLimit = TimeSpan.FromMinutes(5) });
        var request = new SlurmArrayRequest("hq-test-array", [0, 1],
            new SlurmWrappedCommand("echo \"task $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_JOB_ID\" > done-$SLURM_ARRAY_TASK_ID.txt"),
            _folder, "slurm-%A_%a.out");

        var jobId = await client.SubmitArrayAsync(request);
        var tasks = await WaitAsync(client, jobId, ts => ts.Count == 2 && ts.All(t => t.State.IsFinished()));

        Assert.Equal([0, 1], tasks.Select(t => t.ArrayTaskId));
        Assert.All(tasks, t => Assert.Equal(SlurmTaskState.Completed, t.State));
        Assert.All(tasks, t => Assert.Equal(jobId, t.ArrayJobId));
        for (var task = 0; task < 2; task++)
        {
            Assert.Equal($"task {task} of {jobId}", File.ReadAllText(Path.Combine(_folder, $"done-{task}.txt")).Trim());
            Assert.True(File.Exists(Path.Combine(_folder, $"slurm-{jobId}_{task}.out")), "the --output pattern was not applied");
        }
    }

    [SkippableFact]
    public async Task ACancelledRunningTaskReportsCancelledAndItsSiblingRunsOn()
    {
        cluster.Require();
        var client = new SlurmClient(new SlurmOptions { ConfigFile = cluster.ConfigFile });
        var request = new SlurmArrayRequest("hq-test-cancel", [0, 1], new SlurmWrappedCommand("sleep 300"), _folder, "slurm-%A_%a.out");
        var jobId = await client.SubmitArrayAsync(request);
        try
        {
            // The node has 2 CPUs and each task asks for 1: both start.
            await WaitAsync(client, jobId, ts => ts.Count == 2 && ts.All(t => t.State == SlurmTaskState.Running));
            await client.CancelTaskAsync(jobId, 1);
            var tasks = await WaitAsync(client, jobId, ts => ts.Any(t => t.ArrayTaskId == 1 && t.State.IsFinished()));

            Assert.Equal(SlurmTaskState.Cancelled, tasks.Single(t => t.ArrayTaskId == 1).State);
            Assert.Equal(SlurmTaskState.Running, tasks.Single(t => t.ArrayTaskId == 0).State);
        }
        finally
        {
            await client.CancelArrayAsync(jobId);
        }

        var after = await WaitAsync(client, jobId, ts => ts.All(t => t.State.IsFinished()));
        Assert.All(after, t => Assert.Equal(SlurmTaskState.Cancelled, t.State));
    }

    [SkippableFact]
    public async Task ACancelledPendingTaskLeavesTheQueueWhileItsSiblingsWait()
    {
        cluster.Require();
        var client = new SlurmClient(new SlurmOptions { ConfigFile = cluster.ConfigFile, ExtraOptions = ["--hold"] });
        var request = new SlurmArrayRequest("hq-test-pending", [0, 1, 2], new SlurmWrappedCommand("true"), _folder, "slurm-%A_%a.out");
        var jobId = await client.SubmitArrayAsync(request);
        try
        {
            var held = await client.GetArrayTasksAsync(jobId);
            await client.CancelTaskAsync(jobId, 1);
            var tasks = await client.GetArrayTasksAsync(jobId);

            Assert.Equal([0, 1, 2], held.Select(t => t.ArrayTaskId));
            Assert.All(held, t => Assert.Equal((SlurmTaskState.Pending, "JobHeldUser"), (t.State, t.Reason)));
            Assert.Equal([0, 2], tasks.Select(t => t.ArrayTaskId));
        }
        finally
        {
            await client.CancelArrayAsync(jobId);
        }
    }

    [SkippableFact]
    public async Task AnUnknownPartitionIsOneLineWithSlurmsReason()
    {
        cluster.Require();
        var client = new SlurmClient(new SlurmOptions { ConfigFile = cluster.ConfigFile, Partition = "no-such-partition" });
        var request = new SlurmArrayRequest("hq-test-bad", [0], new SlurmWrappedCommand("true"), _folder, "slurm-%A_%a.out");

        var thrown = await Assert.ThrowsAsync<SlurmException>(() => client.SubmitArrayAsync(request));

        Assert.Contains("invalid partition", thrown.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', thrown.Message);
    }

    [SkippableFact]
    public async Task AJobSlurmDoesNotKnowHasNoTasks()
    {
        cluster.Require();
        var client = new SlurmClient(new SlurmOptions { ConfigFile = cluster.ConfigFile });

        Assert.Empty(await client.GetArrayTasksAsync(999_999_999));
    }

    private static async Task<IReadOnlyList<SlurmTask>> WaitAsync(SlurmClient client, long jobId, Func<IReadOnlyList<SlurmTask>, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        IReadOnlyList<SlurmTask> tasks = [];
        while (DateTime.UtcNow < deadline)
        {
            tasks = await client.GetArrayTasksAsync(jobId);
            if (done(tasks))
            {
                return tasks;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"job {jobId} did not get there within {Patience}: {string.Join(", ", tasks.Select(t => $"{t.ArrayTaskId}:{t.StateText}"))}");
        return tasks;
    }
}
