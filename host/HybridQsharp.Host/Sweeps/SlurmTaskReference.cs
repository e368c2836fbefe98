namespace HybridQsharp.Host.Sweeps;

/// <summary>A cell's place in a Slurm job array: the array's job id and the task index.</summary>
public sealed record SlurmTaskReference(long ArrayJobId, int TaskId)
{
    public override string ToString() => $"{ArrayJobId}_{TaskId}";
}
