using System.Globalization;
using HybridQsharp.Host.Sweeps.Slurm;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Sweeps.Executors;

/// <summary>
/// Places cells on Slurm as ONE job array: task i runs the i-th cell of a task list written next to the manifest,
/// through a small batch script that runs <c>hybridq sweep run-cell</c> with as many threads as the task has CPUs.
/// Resources (partition, time limit, CPUs, memory, extra sbatch options) come from <see cref="SlurmOptions"/>.
/// Cells report through their own folders (a shared file system is assumed, as on any Slurm cluster).
/// </summary>
public sealed class SlurmSweepExecutor(SlurmClient client, ILogger<SlurmSweepExecutor> logger)
{
    /// <summary>The batch script every task runs; its arguments: the task list, then the run-cell command line.</summary>
    public const string Script = """
        #!/usr/bin/env bash
        # Written by hybridq sweep. Runs the sweep cell of this array task: line SLURM_ARRAY_TASK_ID + 1 of the task
        # list given as $1; the rest of the arguments are the hybridq sweep run-cell command, which gets --cell.
        set -euo pipefail
        tasks=$1
        shift
        cell=$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" "$tasks")
        if [[ -z $cell ]]; then
          echo "hybridq sweep: array task $SLURM_ARRAY_TASK_ID has no cell in $tasks" >&2
          exit 2
        fi
        threads=${SLURM_CPUS_PER_TASK:-1}
        export OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads DOTNET_PROCESSOR_COUNT=$threads CI=1
        # exec: scancel's SIGTERM reaches hybridq itself, which checkpoints and stops.
        exec "$@" --cell "$cell"

        """;

    /// <summary>Submits <paramref name="cells"/> as one array and returns the manifest with the submission and each cell's task.</summary>
    /// <param name="settings">--set values every task gets on its command line.</param>
    public async Task<SweepManifest> SubmitAsync(
        SweepFolder folder, SweepManifest manifest, IReadOnlyList<SweepCell> cells, IReadOnlyList<string> settings,
        CancellationToken cancellationToken)
    {
        if (cells.Count == 0)
        {
            return manifest;
        }

        Directory.CreateDirectory(folder.Slurm);
        var script = Path.Combine(folder.Slurm, "run-cell.sh");
        Runs.RunFolder.WriteText(script, Script.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var number = manifest.Submissions.Count + 1;
        var taskList = Path.Combine(folder.Slurm, string.Create(CultureInfo.InvariantCulture, $"submission-{number}.cells"));
        Runs.RunFolder.WriteText(taskList, string.Concat(cells.Select(c => c.Id + "\n")));
        foreach (var cell in cells)
        {
            Directory.CreateDirectory(folder.CellFolder(cell.Id));
        }

        var command = new SlurmBatchScript(script,
            [taskList, .. HybridqExecutable.Command(), .. HybridqExecutable.RunCellArguments(folder, settings)]);
        var request = new SlurmArrayRequest($"hybridq-{Path.GetFileName(folder.Path)}", [.. Enumerable.Range(0, cells.Count)], command, folder.Path,
            Path.Combine("slurm", "%A_%a.out"));
        var jobId = await client.SubmitArrayAsync(request, cancellationToken);
        logger.LogInformation("Submitted {Count} cell(s) as Slurm job array {Job} (task list {List})", cells.Count, jobId, taskList);
        var submission = new SlurmSubmission(jobId, DateTimeOffset.UtcNow, taskList, [.. cells.Select(c => c.Id)]);
        var updated = manifest.WithCells(cells.Select((c, i) => c with { State = CellStatus.Queued, Slurm = new SlurmTaskReference(jobId, i) }))
            with { Submissions = [.. manifest.Submissions, submission] };
        folder.WriteManifest(updated);
        return updated;
    }
}
