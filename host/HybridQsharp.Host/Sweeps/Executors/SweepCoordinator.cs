using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Sweeps.Executors;

/// <summary>
/// Places the cells of a sweep that still need to run on an executor: everything but completed cells and cells that
/// are already queued or running. Idempotent: a rerun skips finished cells and resumes interrupted ones from their last
/// checkpoint (run-cell resumes any cell folder that holds a run). One process at a time places a sweep's cells.
/// </summary>
public sealed class SweepCoordinator(SweepStatusReader status, LocalSweepExecutor local, SlurmSweepExecutor slurm, ILogger<SweepCoordinator> logger)
{
    /// <summary>What to run with: the executor, and for the local one how many cells at once and a cell's memory need.</summary>
    public sealed record Placement(SweepExecutorKind Executor, int Parallel, double? CellMemoryGigabytes, IReadOnlyList<string> Settings);

    /// <summary>Runs (local) or submits (Slurm) the cells that need it; the manifest as it stands afterwards.</summary>
    /// <exception cref="SweepException">Another process is placing this sweep's cells.</exception>
    /// <exception cref="SweepRefusedException">--parallel cells do not fit in memory.</exception>
    public async Task<SweepManifest> RunAsync(SweepFolder folder, SweepManifest manifest, Placement placement, CancellationToken cancellationToken)
    {
        using var held = SweepFolder.TryLock(folder.Lock)
            ?? throw new SweepException(
                $"another hybridq process is placing the cells of {folder.Path} ({folder.Lock} is held); wait for it or stop it");
        var views = await status.ReadAsync(folder, manifest, cancellationToken);
        var todo = views.Where(v => v.NeedsRun).Select(v => v.Cell).ToList();
        var done = views.Count(v => v.State == CellStatus.Completed);
        var placed = views.Count(v => v.State is CellStatus.Queued or CellStatus.Running);
        logger.LogInformation("Sweep {Folder}: {Cells} cells, {Done} completed, {Placed} queued or running, {Todo} to run",
            folder.Path, views.Count, done, placed, todo.Count);
        manifest = manifest with { Executor = placement.Executor };
        if (todo.Count == 0)
        {
            folder.WriteManifest(manifest);
            return manifest;
        }

        switch (placement.Executor)
        {
            case SweepExecutorKind.Local:
                if (CellMemoryEstimate.Refusal(Math.Min(placement.Parallel, todo.Count), todo.Select(c => c.Dataset), placement.CellMemoryGigabytes,
                        CellMemoryEstimate.AvailableGigabytes()) is { } refusal)
                {
                    throw new SweepRefusedException(refusal);
                }

                return await local.RunAsync(folder, manifest, todo, placement.Parallel, placement.Settings, cancellationToken);
            case SweepExecutorKind.Slurm:
                return await slurm.SubmitAsync(folder, manifest, todo, placement.Settings, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(placement), placement.Executor, null);
        }
    }
}
