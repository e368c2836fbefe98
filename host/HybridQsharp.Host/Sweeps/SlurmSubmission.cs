namespace HybridQsharp.Host.Sweeps;

/// <summary>One sbatch --array submission: its job id and the cells its tasks run, task i running Cells[i].</summary>
/// <param name="TaskList">The file the batch script reads task i's cell id from (line i + 1).</param>
public sealed record SlurmSubmission(long ArrayJobId, DateTimeOffset Submitted, string TaskList, IReadOnlyList<string> Cells);
