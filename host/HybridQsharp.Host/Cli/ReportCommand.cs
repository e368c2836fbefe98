using System.CommandLine;
using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Reports;
using HybridQsharp.Host.Reports.Claims;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Cli;

/// <summary>`report`: rebuild a run's report from its metrics, or statistics over seeds and the claims table for a sweep or several runs.</summary>
public static class ReportCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var runs = new Option<string[]>("--runs")
        {
            Description = "One run folder (rebuild its report) or several (statistics over their seeds).", AllowMultipleArgumentsPerToken = true,
        };
        var sweep = new Option<string>("--sweep") { Description = "A sweep folder: statistics over seeds, paired tests, figures, claims." };
        var claims = new Option<bool>("--claims") { Description = "Print only the table of the paper's claims (with --runs or --sweep)." };
        var output = new Option<string>("--out") { Description = "Folder for the report of several runs (default: the current folder)." };
        var command = new Command("report", "Rebuild a run's report.md/report.html, or report statistics over seeds and the paper's claims "
            + "for a sweep or several runs.\n\nExamples:\n  hybridq report --runs runs/mnist-quick-20261124-101500\n"
            + "  hybridq report --sweep sweeps/mnist\n"
            + "  hybridq report --sweep sweeps/mnist --claims\n"
            + "  hybridq report --runs runs/seed1 runs/seed2 runs/seed3 --out runs/merged")
        {
            runs, sweep, claims, output,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(runs) is { Length: > 0 }) == (r.GetValue(sweep) is not null))
            {
                r.AddError("give --runs FOLDER... or --sweep FOLDER (one of them).");
            }
        });
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var folders = parse.GetValue(runs) ?? [];
            IReadOnlyList<SeedResult> results;
            var notes = new List<string>();
            string target;
            string title;
            if (parse.GetValue(sweep) is { } sweepPath)
            {
                var folder = new SweepFolder(sweepPath);
                var (fromCells, missing) = SweepResults.Completed(folder);
                results = fromCells;
                target = folder.Path;
                title = $"HybridQsharp sweep {Path.GetFileName(folder.Path)}";
                notes.Add($"{fromCells.Count} of {fromCells.Count + missing.Count} cells completed and reported here"
                    + (missing.Count > 0
                        ? $"; not (yet) completed: {string.Join(", ", missing)} (hybridq sweep status --sweep {folder.Path})"
                        : "."));
            }
            else if (folders.Length == 1 && !parse.GetValue(claims))
            {
                var summary = RunMerge.Load(folders[0]);
                await RebuildAsync(services, new RunFolder(folders[0]), summary, token);
                Console.Out.WriteLine(Path.Combine(folders[0], "report.md"));
                return ExitCodes.Success;
            }
            else
            {
                RunMerge.CheckComparable(folders);
                results = SeedResultSource.FromRuns(folders);
                target = Path.GetFullPath(parse.GetValue(output) ?? ".");
                title = $"HybridQsharp: {folders.Length} runs";
                notes.Add("Runs: " + string.Join(", ", folders.Select(f => $"`{f}`")));
            }

            if (parse.GetValue(claims))
            {
                Console.Out.WriteLine(SweepReportDocument.RuleText + "\n");
                Console.Out.WriteLine(ClaimsTable.Markdown(ClaimsEvaluator.Evaluate(results)));
                return ExitCodes.Success;
            }

            if (results.Count == 0)
            {
                throw new CommandLineError("no completed model to report on yet (hybridq sweep status shows where the cells stand).");
            }

            notes.AddRange(Protocol(results));
            var (markdown, _) = services.GetRequiredService<SweepReporter>().Write(target, title, results, notes);
            Console.Out.WriteLine(markdown);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>What the numbers rest on, for the notes under the title.</summary>
    private static IEnumerable<string> Protocol(IReadOnlyList<SeedResult> results)
    {
        var byGroup = results.GroupBy(r => (r.Dataset, r.Model))
            .Select(g => $"{g.Key.Dataset} {g.Key.Model.Key()}: seeds {string.Join(", ", g.Select(r => r.Seed).Order())}");
        yield return "Seeds per model: " + string.Join("; ", byGroup) + ".";
        var epochs = results.Select(r => r.ValidationCurve.Count).Distinct().Order().ToList();
        yield return $"Epochs per run: {string.Join(", ", epochs)} (the paper trained 50).";
        yield return ClaimsEvaluator.ResourceNote + ".";
    }

    /// <summary>
    /// Redraws every figure from the run's best checkpoints and its data (same settings and
    /// seed, so the same splits), or only the metric figures when those are not at hand.
    /// </summary>
    private static async Task RebuildAsync(IServiceProvider services, RunFolder run, ExperimentSummary summary, CancellationToken token)
    {
        var loader = services.GetRequiredService<TrainedRunLoader>();
        var logger = services.GetRequiredService<ILogger<RunReporter>>();
        var trained = new List<TrainedRun>();
        ExperimentData? data = null;
        try
        {
            foreach (var outcome in summary.Models.Where(m => File.Exists(run.BestCheckpoint(m.Model))))
            {
                trained.Add(await loader.LoadAsync(run, outcome.Model, token));
            }

            data = trained.Count > 0 ? loader.LoadTrainingData(trained[0], token) : null;
        }
        catch (Exception e) when (e is CheckpointException or DatasetFormatException)
        {
            logger.LogWarning("Drawing only the figures the metrics hold: {Reason}", e.Message);
        }

        try
        {
            var execution = trained.FirstOrDefault(t => t.Execution is not null)?.Execution;
            await services.GetRequiredService<RunReporter>().WriteAsync(run, summary, data, trained.Select(t => t.Model).ToList(), execution, token);
        }
        finally
        {
            foreach (var t in trained)
            {
                t.Dispose();
            }
        }
    }
}
