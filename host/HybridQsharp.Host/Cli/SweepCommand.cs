using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Sweeps;
using HybridQsharp.Host.Sweeps.Executors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Cli;

/// <summary>
/// `sweep`: a grid of runs (models × datasets × seeds × ...) in one folder, each cell an ordinary run under
/// cells/&lt;id&gt;/, placed on this machine (child processes) or on Slurm (one job array); `sweep status`,
/// `sweep resume`, and `sweep run-cell` (what every executor starts).
/// </summary>
public static class SweepCommand
{
    public const string Examples = """

        Examples:
          hybridq sweep --out sweeps/mnist --models all --seeds 1 2 3 4 5 --preset paper --epochs 15 --parallel 2
          hybridq sweep --out sweeps/mnist --grid grid.yaml --executor slurm --set Slurm:CpusPerTask=4 --set Slurm:TimeLimit=12:00:00
          hybridq sweep status --sweep sweeps/mnist
          hybridq sweep resume --sweep sweeps/mnist         # rerun what is not finished (interrupted, cancelled, failed)
          hybridq report --sweep sweeps/mnist               # statistics over seeds, figures and the claims table
        Rerunning the same sweep command skips finished cells and resumes interrupted ones from their last checkpoint.
        """;

    public static Command Create(Option<string[]> settings)
    {
        var grid = new SweepGridOptions();
        var output = new Option<string>("--out") { Description = "The sweep folder (sweep.json, cells/<id>/, report).", Required = true };
        var (executor, parallel, memory) = (ExecutorOption(), ParallelOption(), CellMemoryOption());
        var dryRun = new Option<bool>("--dry-run") { Description = "Expand and check the grid, print its cells, write nothing." };
        var command = new Command("sweep",
            "Run a grid of experiments (models × datasets × seeds × ...), each cell an ordinary run folder, locally or on Slurm." + Examples)
        {
            output, executor, parallel, memory, dryRun,
            Status(settings), Resume(settings), RunCell(settings),
        };
        foreach (var option in grid.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var (given, source) = grid.Read(parse, parse.GetValue(settings) ?? []);
            var cells = services.GetRequiredService<SweepPlanner>().Expand(given, source);
            if (parse.GetValue(dryRun))
            {
                foreach (var cell in cells)
                {
                    Console.Out.WriteLine($"{cell.Id}  " + string.Join(" ", cell.Settings.Select(kv => $"{kv.Key}={kv.Value}")));
                }

                Console.Out.WriteLine($"{cells.Count} cells");
                return ExitCodes.Success;
            }

            var folder = new SweepFolder(parse.GetValue(output)!);
            var kind = parse.GetValue(executor);
            var manifest = folder.Exists
                ? Reconcile(folder, folder.ReadManifest(), cells)
                : new SweepManifest(SweepManifest.CurrentVersion, DateTimeOffset.UtcNow,
                    source == "flags" ? source : Path.GetFullPath(parse.GetValue(grid.Grid)!), given, kind, cells, []);
            Directory.CreateDirectory(folder.Path);
            folder.WriteManifest(manifest);
            var placement = new SweepCoordinator.Placement(kind, parse.GetValue(parallel), parse.GetValue(memory), []);
            return await PlaceAsync(services, folder, manifest, placement, token);
        }, ct));
        return command;
    }

    private static Command Status(Option<string[]> settings)
    {
        var sweep = SweepOption();
        var json = new Option<bool>("--json") { Description = "One JSON array of cells instead of the table." };
        var command = new Command("status", "Show each cell of a sweep: state, epoch, best validation accuracy, host, wall time, Slurm task.\n\n"
            + "Examples:\n  hybridq sweep status --sweep sweeps/mnist")
        {
            sweep, json,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var folder = new SweepFolder(parse.GetValue(sweep)!);
            var views = await services.GetRequiredService<SweepStatusReader>().ReadAsync(folder, folder.ReadManifest(), token);
            Console.Out.Write(parse.GetValue(json) ? JsonSerializer.Serialize(views, RunFolder.Json) + "\n" : SweepStatusTable.Text(views));
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command Resume(Option<string[]> settings)
    {
        var sweep = SweepOption();
        var executor = new Option<SweepExecutorKind?>("--executor")
        {
            Description = "local or slurm (default: the executor the sweep last used).", HelpName = "local|slurm",
        };
        var (parallel, memory) = (ParallelOption(), CellMemoryOption());
        var command = new Command("resume", "Run the cells of a sweep that are not finished (never started, interrupted, cancelled, failed or lost); "
            + "on Slurm, one new job array of only those.\n\nExamples:\n  hybridq sweep resume --sweep sweeps/mnist\n"
            + "  hybridq sweep resume --sweep sweeps/mnist --executor local --parallel 2")
        {
            sweep, executor, parallel, memory,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(
            parse.GetValue(settings) ?? [], SavedConfiguration(parse.GetValue(sweep)!), async (services, token) =>
        {
            var passed = PassThrough(parse.GetValue(settings) ?? []);
            var folder = new SweepFolder(parse.GetValue(sweep)!);
            var manifest = folder.ReadManifest();
            var kind = parse.GetValue(executor) ?? manifest.Executor;
            var placement = new SweepCoordinator.Placement(kind, parse.GetValue(parallel), parse.GetValue(memory), passed);
            return await PlaceAsync(services, folder, manifest, placement, token);
        }, ct));
        return command;
    }

    private static Command RunCell(Option<string[]> settings)
    {
        var sweep = SweepOption();
        var cell = new Option<string>("--cell") { Description = "The cell's id (as sweep status lists it).", Required = true };
        var command = new Command("run-cell",
            "Train one cell of a sweep in its folder (what the local and Slurm executors run); resumes it when it has checkpoints.\n\n"
            + "Examples:\n  hybridq sweep run-cell --sweep sweeps/mnist --cell mnist-hybrid-s1")
        {
            sweep, cell,
        };
        command.SetAction((parse, ct) =>
            RunCellAsync(new SweepFolder(parse.GetValue(sweep)!), parse.GetValue(cell)!, parse.GetValue(settings) ?? [], ct));
        return command;
    }

    /// <summary>
    /// One cell as an ordinary run: a host built with the cell's settings as configuration overrides, the same
    /// ExperimentRunner as `train`, the cell's folder as the run folder (resumed when it holds a run), and the cell's
    /// state recorded in its folder before and after.
    /// </summary>
    public static async Task<int> RunCellAsync(SweepFolder folder, string id, IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        SweepCell cell;
        try
        {
            cell = folder.ReadManifest().Cell(id);
        }
        catch (SweepException e)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.BadInput;
        }

        using var held = SweepFolder.TryLock(folder.CellLock(cell.Id));
        if (held is null)
        {
            Console.Error.WriteLine($"hybridq: cell {cell.Id} is being trained by another process ({folder.CellLock(cell.Id)} is held)");
            return ExitCodes.Failure;
        }

        var run = folder.CellFolder(cell.Id);
        if (folder.ReadCellState(cell.Id)?.State == CellStatus.Completed && File.Exists(Path.Combine(run, "metrics.json")))
        {
            Console.Error.WriteLine($"hybridq: cell {cell.Id} is already completed ({run})");
            return ExitCodes.Success;
        }

        var resume = File.Exists(Path.Combine(run, "config.json"));
        var overrides = cell.Settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)).ToList();
        overrides.Add(new("Experiment:Output", run));
        overrides.Add(new("Experiment:Resume", resume ? "true" : "false"));
        var recorder = new CellStateRecorder(folder, cell.Id);
        var exitCode = await VerbRunner.RunAsync(settings, overrides, async (services, token) =>
        {
            recorder.Planned(services.GetRequiredService<ExperimentSettings>().Plan.Epochs);
            var logger = services.GetRequiredService<ILogger<CellStateRecorder>>();
            TorchNativeLibrary.EnsureLoaded(logger);
            logger.LogInformation(
                "Cell {Cell}, attempt {Attempt}: {Torch} torch thread(s), {Processors} processor(s) for .NET (OMP_NUM_THREADS={Omp})",
                cell.Id, recorder.State.Attempt, TorchSharp.torch.get_num_threads(), Environment.ProcessorCount,
                Environment.GetEnvironmentVariable("OMP_NUM_THREADS") ?? "unset");
            await services.GetRequiredService<ExperimentRunner>().RunAsync(token);
            return ExitCodes.Success;
        }, cancellationToken);
        var state = recorder.Finished(exitCode);
        Console.Error.WriteLine($"hybridq: cell {cell.Id} {state.State.ToString().ToLowerInvariant()} (attempt {state.Attempt}, exit {exitCode})");
        return exitCode;
    }

    private static async Task<int> PlaceAsync(
        IServiceProvider services, SweepFolder folder, SweepManifest manifest, SweepCoordinator.Placement placement, CancellationToken token)
    {
        manifest = await services.GetRequiredService<SweepCoordinator>().RunAsync(folder, manifest, placement, token);
        var views = await services.GetRequiredService<SweepStatusReader>().ReadAsync(folder, manifest, CancellationToken.None);
        Console.Out.Write(SweepStatusTable.Text(views));
        if (token.IsCancellationRequested)
        {
            Console.Error.WriteLine($"hybridq: sweep interrupted; continue with: hybridq sweep resume --sweep {folder.Path}");
            return ExitCodes.Cancelled;
        }

        if (placement.Executor == SweepExecutorKind.Slurm)
        {
            Console.Error.WriteLine($"hybridq: follow it with: hybridq sweep status --sweep {folder.Path}");
            return ExitCodes.Success;
        }

        var unfinished = views.Count(v => v.State != CellStatus.Completed);
        if (unfinished > 0)
        {
            Console.Error.WriteLine(
                $"hybridq: {unfinished} cell(s) did not complete; see their output.log, then: hybridq sweep resume --sweep {folder.Path}");
            return ExitCodes.Failure;
        }

        Console.Error.WriteLine($"hybridq: all {views.Count} cells completed; statistics and claims: hybridq report --sweep {folder.Path}");
        return ExitCodes.Success;
    }

    /// <summary>The existing manifest when the grid plans the same cells; a different grid is refused rather than mixed in.</summary>
    private static SweepManifest Reconcile(SweepFolder folder, SweepManifest existing, IReadOnlyList<SweepCell> planned)
    {
        var differing = planned.Where(p => existing.Cells.FirstOrDefault(c => c.Id == p.Id) is not { } e || !e.SamePlan(p)).Select(p => p.Id)
            .Concat(existing.Cells.Where(e => planned.All(p => p.Id != e.Id)).Select(e => e.Id)).ToList();
        return differing.Count == 0
            ? existing
            : throw new SweepRefusedException($"{folder.Path} holds a different sweep ({differing.Count} cell(s) differ, e.g. {differing[0]}); "
                + $"choose another --out, or continue that sweep with: hybridq sweep resume --sweep {folder.Path}");
    }

    /// <summary>
    /// The configuration the sweep was started with outside the experiment (e.g. Slurm:Partition), so a resume places
    /// cells as the first run did; the resume's own --set values win over it.
    /// </summary>
    private static List<KeyValuePair<string, string?>> SavedConfiguration(string sweep)
    {
        try
        {
            return [.. new SweepFolder(sweep).ReadManifest().Grid.Set
                .Where(kv => kv.Key.Contains(':', StringComparison.Ordinal)
                    && !kv.Key.StartsWith(ExperimentOptions.Section + ":", StringComparison.OrdinalIgnoreCase))
                .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))];
        }
        catch (SweepException)
        {
            return []; // the verb itself reports the missing or unreadable manifest
        }
    }

    /// <summary>--set values of resume go to every cell's command line; the grid's experiment settings are fixed in sweep.json.</summary>
    private static List<string> PassThrough(IReadOnlyList<string> settings)
    {
        var experiment = settings.FirstOrDefault(s => s.StartsWith(ExperimentOptions.Section + ":", StringComparison.OrdinalIgnoreCase));
        return experiment is null
            ? [.. settings]
            : throw new CommandLineError(
                $"--set {experiment}: a sweep's experiment settings are fixed in its sweep.json; start a new sweep to change them");
    }

    private static Option<string> SweepOption() => new("--sweep") { Description = "The sweep folder (holding sweep.json).", Required = true };

    private static Option<SweepExecutorKind> ExecutorOption() =>
        new("--executor")
        {
            Description = "local (child processes on this machine) or slurm (one sbatch --array).",
            HelpName = "local|slurm",
            DefaultValueFactory = _ => SweepExecutorKind.Local,
        };

    private static Option<int> ParallelOption()
    {
        var option = new Option<int>("--parallel")
        {
            Description = "Local executor: cells at once, the cores split between them.", DefaultValueFactory = _ => 1,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--parallel must be at least 1.");
            }
        });
        return option;
    }

    private static Option<double?> CellMemoryOption()
    {
        var option = new Option<double?>("--cell-memory")
        {
            Description = "Local executor: GB one cell needs (default: an estimate per dataset, MNIST 1 GB).",
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } gb && !(gb > 0))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--cell-memory must be positive, got {gb}."));
            }
        });
        return option;
    }
}
