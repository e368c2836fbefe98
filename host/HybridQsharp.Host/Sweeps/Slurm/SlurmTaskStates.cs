namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>Parsing and classifying Slurm's job state words.</summary>
public static class SlurmTaskStates
{
    private static readonly Dictionary<string, SlurmTaskState> Words = new(StringComparer.Ordinal)
    {
        ["PENDING"] = SlurmTaskState.Pending,
        ["CONFIGURING"] = SlurmTaskState.Configuring,
        ["RUNNING"] = SlurmTaskState.Running,
        ["SUSPENDED"] = SlurmTaskState.Suspended,
        ["COMPLETING"] = SlurmTaskState.Completing,
        ["COMPLETED"] = SlurmTaskState.Completed,
        ["CANCELLED"] = SlurmTaskState.Cancelled,
        ["FAILED"] = SlurmTaskState.Failed,
        ["TIMEOUT"] = SlurmTaskState.Timeout,
        ["NODE_FAIL"] = SlurmTaskState.NodeFail,
        ["PREEMPTED"] = SlurmTaskState.Preempted,
        ["BOOT_FAIL"] = SlurmTaskState.BootFail,
        ["DEADLINE"] = SlurmTaskState.Deadline,
        ["OUT_OF_MEMORY"] = SlurmTaskState.OutOfMemory,
        ["REQUEUED"] = SlurmTaskState.Requeued,
    };

    /// <summary>The state for squeue's word (e.g. <c>CANCELLED</c>, also <c>CANCELLED+</c> or <c>CANCELLED by 0</c>).</summary>
    public static SlurmTaskState Parse(string word)
    {
        var core = word.Trim().Split(' ', '+')[0];
        return Words.GetValueOrDefault(core, SlurmTaskState.Other);
    }

    /// <summary>True when the task will not run (again) by itself: it ended, whatever the outcome.</summary>
    public static bool IsFinished(this SlurmTaskState state) => state is SlurmTaskState.Completed or SlurmTaskState.Cancelled
        or SlurmTaskState.Failed or SlurmTaskState.Timeout or SlurmTaskState.NodeFail or SlurmTaskState.Preempted
        or SlurmTaskState.BootFail or SlurmTaskState.Deadline or SlurmTaskState.OutOfMemory;
}
