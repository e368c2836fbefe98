using HybridQsharp.Host.Sweeps.Slurm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Tests.Host.Sweeps.Slurm;

/// <summary>What the Slurm client writes for sbatch and reads from squeue, without a cluster.</summary>
public sealed class SlurmFormatTests
{
    [Theory]
    [InlineData(new[] { 0, 1 }, null, "0-1")]
    [InlineData(new[] { 5 }, null, "5")]
    [InlineData(new[] { 9, 0, 1, 2, 7, 10 }, 3, "0-2,7,9-10%3")]
    public void ArraySpecsCompressRunsOfIds(int[] ids, int? limit, string expected) => Assert.Equal(expected, SlurmArraySpec.Format(ids, limit));

    [Theory]
    [InlineData("3", new[] { 3 })]
    [InlineData("0-2", new[] { 0, 1, 2 })]
    [InlineData("[1,4-5]%2", new[] { 1, 4, 5 })]
    [InlineData("0-6:3", new[] { 0, 3, 6 })]
    public void ArraySpecsExpandAsSlurmDefinesThem(string expression, int[] expected) => Assert.Equal(expected, SlurmArraySpec.Parse(expression));

    [Fact]
    public void ArraySpecsRefuseDuplicatesAndNegativeIds()
    {
        Assert.Throws<ArgumentException>(() => SlurmArraySpec.Format([1, 1]));
        Assert.Throws<ArgumentException>(() => SlurmArraySpec.Format([-1]));
        Assert.Throws<ArgumentException>(() => SlurmArraySpec.Format([]));
        Assert.Throws<FormatException>(() => SlurmArraySpec.Parse("3-1"));
    }

    [Fact]
    public void TimeLimitsAreDaysHoursMinutesSeconds()
    {
        Assert.Equal("0-00:30:00", SlurmTime.Format(TimeSpan.FromMinutes(30)));
        Assert.Equal("1-02:03:05", SlurmTime.Format(new TimeSpan(1, 2, 3, 4, 500)));
        Assert.Equal("12-00:00:00", SlurmTime.Format(TimeSpan.FromDays(12)));
    }

    [Fact]
    public void SqueueLinesBecomeTasksWithPendingRangesExpanded()
    {
        const string output = "5|2|1|CANCELLED|None\n6|6|0-2|PENDING|JobHeldUser\n7|7|N/A|RUNNING|None\n4|2|0|OUT_OF_MEMORY|OutOfMemory\n";

        var tasks = SlurmQueueFormat.Parse(output);

        Assert.Equal(5, tasks.Count);
        Assert.Equal(new SlurmTask(2, 1, 5, SlurmTaskState.Cancelled, "CANCELLED", "None"), tasks[0]);
        Assert.Equal([0, 1, 2], tasks.Where(t => t.ArrayJobId == 6).Select(t => t.ArrayTaskId));
        Assert.All(tasks.Where(t => t.ArrayJobId == 6), t => Assert.Equal(SlurmTaskState.Pending, t.State));
        Assert.Equal(SlurmTaskState.OutOfMemory, tasks[^1].State);
    }

    [Fact]
    public void AnUnreadableSqueueLineIsNamed()
    {
        var thrown = Assert.Throws<SlurmException>(() => SlurmQueueFormat.Parse("JOBID PARTITION NAME\n"));
        Assert.Contains("JOBID PARTITION NAME", thrown.Message);
    }

    [Theory]
    [InlineData("COMPLETED", SlurmTaskState.Completed, true)]
    [InlineData("CANCELLED+", SlurmTaskState.Cancelled, true)]
    [InlineData("NODE_FAIL", SlurmTaskState.NodeFail, true)]
    [InlineData("RUNNING", SlurmTaskState.Running, false)]
    [InlineData("STAGE_OUT", SlurmTaskState.Other, false)]
    public void StateWordsAreTyped(string word, SlurmTaskState expected, bool finished)
    {
        Assert.Equal(expected, SlurmTaskStates.Parse(word));
        Assert.Equal(finished, expected.IsFinished());
    }

    [Fact]
    public void SbatchGetsEveryResourceAsItsOwnArgument()
    {
        var options = new SlurmOptions
        {
            Partition = "gpu", TimeLimit = TimeSpan.FromHours(2), CpusPerTask = 4, Memory = "8G", MaxConcurrentTasks = 2,
            ExtraOptions = ["--qos=long", "--exclusive"],
        };
        var script = new SlurmBatchScript("/work/cell.sh", ["--grid", "a b"]);
        var request = new SlurmArrayRequest("sweep 1", [0, 1, 2], script, "/work/runs", "logs/%A_%a.out");

        var arguments = SlurmClient.SubmitArguments(options, request);

        Assert.Equal(
            [
                "--parsable", "--job-name=sweep 1", "--array=0-2%2", "--chdir=/work/runs", "--output=/work/runs/logs/%A_%a.out",
                "--cpus-per-task=4", "--partition=gpu", "--time=0-02:00:00", "--mem=8G", "--qos=long", "--exclusive",
                "/work/cell.sh", "--grid", "a b",
            ],
            arguments);
    }

    [Theory]
    [InlineData("Slurm:Memory", "lots", "Slurm:Memory 'lots'")]
    [InlineData("Slurm:CpusPerTask", "0", "CpusPerTask")]
    [InlineData("Slurm:ExtraOptions:0", "--array=0-9", "sets --array")]
    [InlineData("Slurm:ExtraOptions:0", "qos long", "is not one --name")]
    [InlineData("Slurm:Partition", "a;b", "not a partition name")]
    [InlineData("Slurm:TimeLimit", "00:00:10", "TimeLimit")]
    public void BadConfigurationIsRefusedAtStartWithTheKeyNamed(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        using var services = new ServiceCollection().AddSlurm(configuration).BuildServiceProvider();

        var thrown = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlurmOptions>>().Value);

        Assert.Contains(thrown.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void GoodConfigurationBinds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("Slurm:Partition", "debug"), new("Slurm:TimeLimit", "1.00:00:00"), new("Slurm:Memory", "500M"),
            new("Slurm:ExtraOptions:0", "--qos=normal"),
        ]).Build();
        using var services = new ServiceCollection().AddSlurm(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<SlurmOptions>>().Value;

        Assert.Equal(("debug", TimeSpan.FromDays(1), "500M"), (options.Partition, options.TimeLimit!.Value, options.Memory));
        Assert.Equal(["--qos=normal"], options.ExtraOptions);
        Assert.NotNull(services.GetRequiredService<SlurmClient>());
    }
}
