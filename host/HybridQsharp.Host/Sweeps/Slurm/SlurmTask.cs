namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>One task of a job array as squeue reports it.</summary>
/// <param name="ArrayJobId">The array's job id (what sbatch printed).</param>
/// <param name="ArrayTaskId">The task's index in the array (SLURM_ARRAY_TASK_ID).</param>
/// <param name="JobId">The task's own job id once Slurm split it off the array; the array's id while it is pending.</param>
/// <param name="State">The state; <paramref name="StateText"/> is Slurm's own word for it.</param>
/// <param name="Reason">Why it waits or ended (<c>None</c>, <c>Resources</c>, <c>JobHeldUser</c>...).</param>
public sealed record SlurmTask(long ArrayJobId, int ArrayTaskId, long JobId, SlurmTaskState State, string StateText, string Reason);
