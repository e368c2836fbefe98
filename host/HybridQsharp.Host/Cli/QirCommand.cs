using System.CommandLine;
using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Inference;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Cli;

/// <summary>`qir`: base-profile QIR for a trained hybrid's test samples.</summary>
public static class QirCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var run = InferCommand.RunOption();
        var samples = InferCommand.SamplesOption(4);
        var output = new Option<string>("--out") { Description = "Folder for the programs (default <run>/qir)." };
        var command = new Command("qir", "Write base-profile QIR (.ll, and .bc when llvm-as is installed) for N test samples of a trained hybrid.\n" +
            "\nExamples:\n  hybridq qir --run runs/mnist-paper --samples 10")
        {
            run, samples, output,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var loader = services.GetRequiredService<TrainedRunLoader>();
            using var trained = await loader.LoadAsync(new RunFolder(parse.GetValue(run)!), ModelKind.Hybrid, token);
            var chosen = loader.TestSamples(trained, parse.GetValue(samples), token);
            var export = new QirExport(services.GetRequiredService<QsharpRuntime>(), services.GetRequiredService<ILogger<QirExport>>());
            var folder = parse.GetValue(output) ?? Path.Combine(parse.GetValue(run)!, "qir");
            var written = await export.WriteAsync(trained, chosen, folder, token);
            foreach (var w in written)
            {
                Console.Out.WriteLine(w.BitcodePath is null ? w.TextPath : $"{w.TextPath}  {w.BitcodePath} (llvm-as validated)");
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
