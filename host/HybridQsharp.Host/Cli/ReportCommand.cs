using System.CommandLine;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Reports;
using Microsoft.Extensions.DependencyInjection;

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
                await services.GetRequiredService<RunReporter>().WriteAsync(new RunFolder(folders[0]), summaries[0], null, [], null, token);
                Console.Out.WriteLine(Path.Combine(folders[0], "report.md"));
                return ExitCodes.Success;
            }

            var target = parse.GetValue(output) ?? ".";
            var markdown = RunMerge.Markdown(summaries, folders);
            var path = Path.Combine(target, "report.md");
            RunFolder.WriteText(path, markdown);
            Console.Out.WriteLine(markdown);
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
