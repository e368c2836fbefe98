namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>A job array to submit; resources (partition, time, CPUs, memory) come from <see cref="SlurmOptions"/>.</summary>
/// <param name="Name">The job name (<c>--job-name</c>).</param>
/// <param name="TaskIds">The array's task indices (distinct, non-negative).</param>
/// <param name="Command">What every task runs; it tells tasks apart by SLURM_ARRAY_TASK_ID.</param>
/// <param name="WorkingDirectory">The tasks' working directory (<c>--chdir</c>).</param>
/// <param name="OutputPattern">stdout and stderr of each task (<c>--output</c>; <c>%A</c> array job id, <c>%a</c> task id).</param>
public sealed record SlurmArrayRequest(
    string Name, IReadOnlyList<int> TaskIds, SlurmJobCommand Command, string WorkingDirectory, string OutputPattern);
