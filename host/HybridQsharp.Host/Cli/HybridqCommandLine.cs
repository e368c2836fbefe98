using System.CommandLine;

namespace HybridQsharp.Host.Cli;

/// <summary>The `hybridq` command line: one verb per job, each run in its own generic host.</summary>
public static class HybridqCommandLine
{
    public static RootCommand Create()
    {
        var settings = new Option<string[]>("--set")
        {
            Description = "Override a configuration value, Key=Value (e.g. --set Qsharp:NodePath=/usr/bin/node). Repeatable.",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
        };

        var defaults = new ExperimentCommandOptions();
        var root = new RootCommand("HybridQsharp: train and test hybrid quantum-classical image classifiers whose circuits are written in Q#.\n\n" +
            "With no verb: the default job, the hybrid and the classical model on MNIST with the quick preset, and the run report.")
        {
            settings,
            TrainCommand.Create(settings, new ExperimentCommandOptions()),
            ModelsCommand.Create(settings),
            InferCommand.Create(settings),
            QirCommand.Create(settings),
            CircuitCommand.Create(settings),
            ReportCommand.Create(settings),
            SweepCommand.Create(settings),
            EvaluateCommand.Create(settings),
            AzureCommand.Create(settings),
            DataCommand.Create(settings),
            BenchCommand.Create(settings),
        };
        foreach (var option in defaults.All)
        {
            root.Options.Add(option);
        }

        root.SetAction((parse, ct) => TrainCommand.RunAsync(parse, settings, defaults, ct));
        return root;
    }
}
