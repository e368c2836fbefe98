using System.CommandLine;
using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Reports;
using HybridQsharp.Host.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Cli;

/// <summary>`report`: rebuild a run's report from its metrics, or merge several runs into mean ± std tables.</summary>
public static class ReportCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var runs = new Option<string[]>("--runs") { Description = "One run folder (rebuild its report) or several (merge them).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Folder for the merged report (default: the current folder)." };
        var command = new Command("report", "Rebuild a run's report.md/report.html, or merge runs (e.g. seeds) into mean ± std tables.\n\nExamples:\n  hybridq report --runs runs/mnist-quick-20261124-101500\n  hybridq report --runs runs/seed1 runs/seed2 runs/seed3 --out runs/merged")
        {
            runs, output,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var folders = parse.GetValue(runs)!;
            var summaries = RunMerge.Load(folders);
            if (folders.Length == 1)
            {
                await RebuildAsync(services, new RunFolder(folders[0]), summaries[0], token);
                Console.Out.WriteLine(Path.Combine(folders[0], "report.md"));
                return ExitCodes.Success;
            }

            RunMerge.CheckComparable(folders);
            var target = parse.GetValue(output) ?? ".";
            var markdown = RunMerge.Markdown(summaries, folders);
            var path = Path.Combine(target, "report.md");
            RunFolder.WriteText(path, markdown);
            Console.Out.WriteLine(markdown);
            return ExitCodes.Success;
        }, ct));
        return command;
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
