using System.CommandLine;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Figures;
using HybridQsharp.Host.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Cli;

/// <summary>`data info|verify|preview`: what a dataset folder holds, whether every file reads cleanly, and a grid of samples.</summary>
public static class DataCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var info = Verb("info", "Show where a dataset's files are and the size of its splits.\n\nExamples:\n  hybridq data info\n" +
            "  hybridq data info --dataset cifar100 --data-dir ~/data", settings, (services, _, options, data) =>
        {
            Console.Out.WriteLine($"{options.Dataset.Key}: {options.Dataset.ResolveFolder(options.DataDirectory)}");
            foreach (var (split, counts) in data.ClassCounts)
            {
                Console.Out.WriteLine($"  {split,-10} {counts.Sum(),8:N0} images, {counts.Length} classes, smallest class {counts.Min():N0}, " +
                    $"largest {counts.Max():N0}");
            }

            return Task.CompletedTask;
        });
        var verify = Verb("verify", "Read every file of a dataset and check headers, lengths and labels (exit code 1 naming the first problem).\n\n" +
            "Examples:\n  hybridq data verify --dataset stl10 --data-dir ~/data/stl10_binary", settings, (_, _, options, data) =>
        {
            Console.Out.WriteLine(
                $"{options.Dataset.Key}: all files read cleanly ({data.ClassCounts.Values.Sum(c => c.Sum()):N0} images across the splits).");
            return Task.CompletedTask;
        });
        var output = new Option<string>("--out") { Description = "PNG/SVG path without extension.", DefaultValueFactory = _ => "data-preview" };
        var preview = Verb("preview", "Draw a grid of sample images of each split (PNG and SVG).\n\nExamples:\n" +
            "  hybridq data preview --out mnist-preview", settings, (services, parse, options, data) =>
        {
            var target = Path.GetFullPath(parse.GetValue(output)!);
            var splits = data.Samples.Select(kv =>
            {
                var s = kv.Value;
                var size = s.Channels * s.Height * s.Width;
                return new SplitSamples(kv.Key, Enumerable.Range(0, s.Count)
                    .Select(i => new LabeledImage(new ImagePixels(s.Pixels.AsSpan(i * size, size).ToArray(), s.Channels, s.Height, s.Width),
                        data.ClassNames[s.Labels[i]])).ToList());
            }).ToList();
            var files = SampleImagesFigure.Write(services.GetRequiredService<FigureWriter>(), Path.GetDirectoryName(target)!,
                Path.GetFileName(target), $"{options.Dataset.DisplayName} samples per split", splits);
            Console.Out.WriteLine($"{files.Png}\n{files.Svg}");
            return Task.CompletedTask;
        }, output);
        return new Command("data", "Inspect datasets: info, verify, preview.") { info, verify, preview };
    }

    private static Command Verb(string name, string description, Option<string[]> settings,
        Func<IServiceProvider, ParseResult, ExperimentSettings, ExperimentData, Task> body, params Option[] extra)
    {
        var experiment = new ExperimentCommandOptions();
        var command = new Command(name, description) { experiment.Dataset, experiment.DataDirectory, experiment.Seed };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], experiment.Overrides(parse), async (services, token) =>
        {
            var options = services.GetRequiredService<ExperimentSettings>();
            var data = services.GetRequiredService<ExperimentDataLoader>().Load(options, ExperimentPlan.WholeSplits, token);
            await body(services, parse, options, data);
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
