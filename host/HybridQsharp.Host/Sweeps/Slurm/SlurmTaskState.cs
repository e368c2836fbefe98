namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>A Slurm job state as squeue's <c>%T</c> names it (see squeue(1), JOB STATE CODES).</summary>
public enum SlurmTaskState
{
    /// <summary>A state this client does not know; <see cref="SlurmTask.StateText"/> has Slurm's word.</summary>
    Other,
    Pending,
    Configuring,
    Running,
    Suspended,
    Completing,
    Completed,
    Cancelled,
    Failed,
    Timeout,
    NodeFail,
    Preempted,
    BootFail,
    Deadline,
    OutOfMemory,
    Requeued,
}
