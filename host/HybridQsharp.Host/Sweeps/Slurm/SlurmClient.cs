using System.Globalization;

namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>
/// Submits job arrays with sbatch, reads their tasks' states with squeue and cancels tasks with scancel.
/// Every command runs with an argument list, never through a shell; a failure is a <see cref="SlurmException"/>
/// whose message is one line with Slurm's own words.
/// </summary>
/// <remarks>
/// squeue knows a finished task only until slurmctld purges it (MinJobAge, 300 s by default), and clusters
/// without slurmdbd have no sacct; callers that must know how a task ended keep their own state files.
/// A task cancelled while it is still pending inside the array leaves no record at all (Slurm 22.05): squeue
/// stops listing it, so a caller that cancels a pending task records that itself.
/// </remarks>
public sealed class SlurmClient(SlurmOptions options)
{
    private readonly SlurmOptions _options = options;
    private readonly SlurmCommandRunner _runner = new(options);

    /// <summary>Submits the array and returns its job id.</summary>
    public async Task<long> SubmitArrayAsync(SlurmArrayRequest request, CancellationToken cancellationToken = default)
    {
        var result = await _runner.RunAsync("sbatch", SubmitArguments(_options, request), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new SlurmException($"sbatch refused job array '{request.Name}' (exit {result.ExitCode}): {result.ErrorLine}");
        }

        // --parsable prints "jobid" or "jobid;cluster".
        var printed = result.Output.Trim().Split(';')[0];
        return long.TryParse(printed, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId)
            ? jobId
            : throw new SlurmException($"sbatch printed no job id for '{request.Name}': '{result.Output.Trim()}' ({result.ErrorLine})");
    }

    /// <summary>The array's tasks that slurmctld still knows, in task order; empty when it knows none (never submitted or purged).</summary>
    public async Task<IReadOnlyList<SlurmTask>> GetArrayTasksAsync(long arrayJobId, CancellationToken cancellationToken = default)
    {
        string[] arguments = ["--array", "--noheader", "--states=all", $"--jobs={Id(arrayJobId)}", $"--format={SlurmQueueFormat.Format}"];
        var result = await _runner.RunAsync("squeue", arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            if (result.Errors.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
            {
                return [];
            }

            throw new SlurmException($"squeue failed for job {arrayJobId} (exit {result.ExitCode}): {result.ErrorLine}");
        }

        return [.. SlurmQueueFormat.Parse(result.Output).Where(t => t.ArrayJobId == arrayJobId).OrderBy(t => t.ArrayTaskId)];
    }

    /// <summary>Cancels one task of an array: a running task then reports Cancelled, a pending one vanishes from the queue.</summary>
    public Task CancelTaskAsync(long arrayJobId, int taskId, CancellationToken cancellationToken = default) =>
        CancelAsync($"{Id(arrayJobId)}_{taskId.ToString(CultureInfo.InvariantCulture)}", cancellationToken);

    /// <summary>Cancels every task of an array that has not ended.</summary>
    public Task CancelArrayAsync(long arrayJobId, CancellationToken cancellationToken = default) => CancelAsync(Id(arrayJobId), cancellationToken);

    /// <summary>sbatch's arguments for a request under these options (what <see cref="SubmitArrayAsync"/> runs).</summary>
    public static IReadOnlyList<string> SubmitArguments(SlurmOptions options, SlurmArrayRequest request)
    {
        var workingDirectory = Path.GetFullPath(request.WorkingDirectory);
        var arguments = new List<string>
        {
            "--parsable",
            $"--job-name={request.Name}",
            $"--array={SlurmArraySpec.Format([.. request.TaskIds], options.MaxConcurrentTasks)}",
            $"--chdir={workingDirectory}",
            $"--output={Path.GetFullPath(request.OutputPattern, workingDirectory)}",
            $"--cpus-per-task={options.CpusPerTask.ToString(CultureInfo.InvariantCulture)}",
        };
        if (!string.IsNullOrEmpty(options.Partition))
        {
            arguments.Add($"--partition={options.Partition}");
        }

        if (options.TimeLimit is { } time)
        {
            arguments.Add($"--time={SlurmTime.Format(time)}");
        }

        if (!string.IsNullOrEmpty(options.Memory))
        {
            arguments.Add($"--mem={options.Memory}");
        }

        arguments.AddRange(options.ExtraOptions);
        switch (request.Command)
        {
            case SlurmWrappedCommand wrapped:
                arguments.Add($"--wrap={wrapped.ShellCommand}");
                break;
            case SlurmBatchScript script:
                arguments.Add(Path.GetFullPath(script.ScriptPath));
                arguments.AddRange(script.Arguments);
                break;
            default:
                throw new ArgumentException($"Unknown job command {request.Command.GetType().Name}.", nameof(request));
        }

        return arguments;
    }

    private async Task CancelAsync(string target, CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync("scancel", [target], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new SlurmException($"scancel {target} failed (exit {result.ExitCode}): {result.ErrorLine}");
        }
    }

    private static string Id(long jobId) => jobId.ToString(CultureInfo.InvariantCulture);
}
