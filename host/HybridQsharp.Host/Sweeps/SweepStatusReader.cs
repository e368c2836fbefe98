using System.Diagnostics;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Sweeps.Slurm;

namespace HybridQsharp.Host.Sweeps;

/// <summary>
/// Merges what is known about each cell: the manifest (planned, submitted as which array task), the cell's own
/// cell-state.json (written by the process that trains it) and, for cells placed on Slurm, squeue's word on the task.
/// The progress of a running cell is read from its last checkpoint.
/// </summary>
public sealed class SweepStatusReader(SlurmClient slurm)
{
    public async Task<IReadOnlyList<CellView>> ReadAsync(SweepFolder folder, SweepManifest manifest, CancellationToken cancellationToken)
    {
        var tasks = new Dictionary<(long, int), SlurmTask>();
        string? queueProblem = null;
        foreach (var job in manifest.Cells.Where(c => c.Slurm is not null).Select(c => c.Slurm!.ArrayJobId).Distinct())
        {
            try
            {
                foreach (var task in await slurm.GetArrayTasksAsync(job, cancellationToken))
                {
                    tasks[(task.ArrayJobId, task.ArrayTaskId)] = task;
                }
            }
            catch (SlurmException e)
            {
                queueProblem = $"squeue unavailable: {e.Message}";
            }
        }

        return [.. manifest.Cells.Select(cell =>
        {
            var state = folder.ReadCellState(cell.Id);
            var task = cell.Slurm is { } r ? tasks.GetValueOrDefault((r.ArrayJobId, r.TaskId)) : null;
            var view = Merge(cell, state, task, queueProblem is null);
            if (view.State is CellStatus.Running or CellStatus.Interrupted or CellStatus.Cancelled or CellStatus.Lost or CellStatus.Failed)
            {
                view = WithCheckpointProgress(folder, view);
            }

            return queueProblem is not null && cell.Slurm is not null ? view with { Detail = Join(view.Detail, queueProblem) } : view;
        })];
    }

    /// <summary>One cell's state from its manifest entry, its state file and its Slurm task (null: not in the queue).</summary>
    /// <param name="queueKnown">Whether squeue answered; when it did not, a missing task says nothing.</param>
    public static CellView Merge(SweepCell cell, CellState? state, SlurmTask? task, bool queueKnown)
    {
        var wall = state is null ? (TimeSpan?)null : (state.Ended ?? DateTimeOffset.UtcNow) - state.Started;
        CellView View(CellStatus status, string? detail = null) =>
            new(cell, status, state?.CompletedEpochs, state?.Epochs, state?.BestValidationAccuracy, state?.Host, wall, cell.Slurm ?? state?.Slurm,
                detail);

        if (state?.State == CellStatus.Completed)
        {
            return View(CellStatus.Completed);
        }

        if (task is not null)
        {
            return task.State switch
            {
                SlurmTaskState.Pending or SlurmTaskState.Requeued =>
                    View(CellStatus.Queued, task.Reason is "None" or "" ? null : $"Slurm: {task.Reason}"),
                SlurmTaskState.Running or SlurmTaskState.Configuring or SlurmTaskState.Completing or SlurmTaskState.Suspended =>
                    View(CellStatus.Running),
                SlurmTaskState.Cancelled => View(CellStatus.Cancelled, "Slurm: cancelled (scancel)"),
                SlurmTaskState.Timeout or SlurmTaskState.Deadline => View(CellStatus.Cancelled, $"Slurm: {task.StateText} (time limit)"),
                SlurmTaskState.Preempted => View(CellStatus.Interrupted, "Slurm: preempted"),
                SlurmTaskState.Completed => View(state?.State ?? CellStatus.Failed, "Slurm: the task ended without completing the cell"),
                _ => View(CellStatus.Failed, $"Slurm: {task.StateText}" + (state?.ExitCode is { } code ? $", exit {code}" : string.Empty)),
            };
        }

        if (cell.Slurm is { } placed && queueKnown && (state is null || state.State == CellStatus.Running))
        {
            // squeue forgets ended tasks after MinJobAge and never lists a task cancelled while pending.
            return state is null
                ? View(CellStatus.Lost, $"submitted as task {placed}, which is no longer queued and never started (cancelled while pending?)")
                : View(CellStatus.Lost, $"task {placed} is gone without recording how it ended (killed?)");
        }

        if (state is null)
        {
            return View(cell.Slurm is null ? CellStatus.Pending : cell.State);
        }

        if (state.State == CellStatus.Running && state.Slurm is null && state.Host == Environment.MachineName && !IsAlive(state))
        {
            return View(CellStatus.Lost, $"process {state.ProcessId} on {state.Host} is gone without recording how it ended (killed?)");
        }

        return state.State == CellStatus.Failed ? View(CellStatus.Failed, $"exit {state.ExitCode}") : View(state.State);
    }

    private static CellView WithCheckpointProgress(SweepFolder folder, CellView view)
    {
        var last = Path.Combine(folder.CellFolder(view.Cell.Id), "checkpoints", view.Cell.Model.Key(), "last.ckpt");
        if (!File.Exists(last))
        {
            return view;
        }

        try
        {
            var progress = TrainingCheckpoint.Load(last).State;
            return view with { CompletedEpochs = progress.CompletedEpochs, BestValidationAccuracy = progress.BestValidationAccuracy };
        }
        catch (Exception e) when (e is CheckpointException or IOException)
        {
            return view; // being replaced right now, or broken: the state file's numbers stand
        }
    }

    private static bool IsAlive(CellState state)
    {
        try
        {
            using var process = Process.GetProcessById(state.ProcessId);

            // A recycled process id started after the cell did.
            return !process.HasExited && process.StartTime.ToUniversalTime() <= state.Started.UtcDateTime.AddMinutes(1);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Join(string? first, string second) => first is null ? second : $"{first}; {second}";
}
