using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Sweeps.Executors;

/// <summary>
/// Runs cells as child processes of this same hybridq (<c>sweep run-cell</c>), at most N at once, each given
/// cores / N threads (OMP_NUM_THREADS, MKL_NUM_THREADS for libtorch, DOTNET_PROCESSOR_COUNT for the simulator).
/// Ctrl+C sends SIGINT to every child, which checkpoints and stops; the cells are then interrupted and a rerun
/// resumes them. The manifest records each cell's state as it changes.
/// </summary>
public sealed class LocalSweepExecutor(ILogger<LocalSweepExecutor> logger)
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromMinutes(3);

    /// <summary>Threads each of <paramref name="parallel"/> cells gets on this machine.</summary>
    public static int ThreadsPerCell(int parallel) => Math.Max(1, Environment.ProcessorCount / Math.Max(1, parallel));

    /// <summary>Runs <paramref name="cells"/> and returns the manifest as it stands at the end.</summary>
    /// <param name="settings">--set values every child gets on its command line.</param>
    public async Task<SweepManifest> RunAsync(SweepFolder folder, SweepManifest manifest, IReadOnlyList<SweepCell> cells, int parallel,
        IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        var threads = ThreadsPerCell(parallel);
        var queue = new Queue<SweepCell>(cells);
        var running = new Dictionary<Task<int>, (SweepCell Cell, Process Process, Stopwatch Watch)>();
        var gate = new object();
        logger.LogInformation("Running {Count} cell(s), {Parallel} at a time, {Threads} thread(s) each", cells.Count, parallel, threads);
        using var stop = cancellationToken.Register(() =>
        {
            lock (gate)
            {
                foreach (var (_, (cell, process, _)) in running)
                {
                    Interrupt(process, cell.Id);
                }
            }
        });

        while (queue.Count > 0 || running.Count > 0)
        {
            lock (gate)
            {
                while (running.Count < parallel && queue.Count > 0 && !cancellationToken.IsCancellationRequested)
                {
                    var cell = queue.Dequeue();
                    var process = Start(folder, cell, threads, settings);
                    running.Add(WaitAsync(process, folder.CellOutput(cell.Id)), (cell, process, Stopwatch.StartNew()));
                    manifest = manifest.WithCells([cell with { State = CellStatus.Running, Slurm = null }]);
                    logger.LogInformation("{Cell}: started (process {Pid})", cell.Id, process.Id);
                }
            }

            folder.WriteManifest(manifest);
            if (running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(running.Keys);
            (SweepCell Cell, Process Process, Stopwatch Watch) entry;
            lock (gate)
            {
                entry = running[finished];
                running.Remove(finished);
            }

            var exitCode = await finished;
            entry.Process.Dispose();
            var state = folder.ReadCellState(entry.Cell.Id);
            var status = state is { Ended: not null } ? state.State : exitCode == 130 ? CellStatus.Interrupted : CellStatus.Failed;
            manifest = manifest.WithCells([entry.Cell with { State = status }]);
            folder.WriteManifest(manifest);
            logger.LogInformation("{Cell}: {State} after {Elapsed:hh\\:mm\\:ss} (exit {Exit}{Best})",
                entry.Cell.Id, status.ToString().ToLowerInvariant(), entry.Watch.Elapsed, exitCode,
                state?.BestValidationAccuracy is { } best ? $", best validation accuracy {best:P2}" : string.Empty);
            if (status == CellStatus.Failed)
            {
                logger.LogWarning("{Cell} failed; its output: {Output}", entry.Cell.Id, folder.CellOutput(entry.Cell.Id));
            }
        }

        return manifest;
    }

    private static Process Start(SweepFolder folder, SweepCell cell, int threads, IReadOnlyList<string> settings)
    {
        var command = HybridqExecutable.Command();
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1).Concat(HybridqExecutable.RunCellArguments(folder, settings)).Append("--cell").Append(cell.Id))
        {
            start.ArgumentList.Add(argument);
        }

        var count = threads.ToString(CultureInfo.InvariantCulture);
        start.Environment["OMP_NUM_THREADS"] = count;
        start.Environment["MKL_NUM_THREADS"] = count;
        start.Environment["DOTNET_PROCESSOR_COUNT"] = count;
        start.Environment["CI"] = "1"; // progress as log lines, not a terminal bar, in the cell's output file
        Directory.CreateDirectory(folder.CellFolder(cell.Id));
        return Process.Start(start) ?? throw new SweepException($"{cell.Id}: {command[0]} could not be started");
    }

    /// <summary>Copies the child's stdout and stderr into its output file until it exits; its exit code.</summary>
    private static async Task<int> WaitAsync(Process process, string outputFile)
    {
        await using var output = new FileStream(outputFile, FileMode.Append, FileAccess.Write, FileShare.Read);
        await using var writer = new StreamWriter(output) { AutoFlush = true };
        var sync = TextWriter.Synchronized(writer);
        async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                await sync.WriteLineAsync(line);
            }
        }

        var pumps = Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError));
        await process.WaitForExitAsync();
        await pumps;
        return process.ExitCode;
    }

    private void Interrupt(Process process, string cell)
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }

            logger.LogInformation("{Cell}: asking process {Pid} to checkpoint and stop", cell, process.Id);
            if (OperatingSystem.IsWindows() || !SendInterrupt(process.Id))
            {
                process.Kill(entireProcessTree: true);
            }

            _ = Task.Delay(StopPatience).ContinueWith(_ =>
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }
                catch (InvalidOperationException)
                {
                    // exited meanwhile
                }
            }, TaskScheduler.Default);
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }
    }

    /// <summary>SIGINT, as Ctrl+C would send it (.NET has no API to send a signal; kill(1) does).</summary>
    private static bool SendInterrupt(int pid)
    {
        try
        {
            var start = new ProcessStartInfo("kill", ["-INT", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false };
            using var kill = Process.Start(start);
            kill?.WaitForExit();
            return kill?.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
