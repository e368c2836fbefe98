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

        var root = new RootCommand("HybridQsharp: train and test hybrid quantum-classical image classifiers whose circuits are written in Q#.")
        {
            settings,
            BenchCommand.Create(settings),
        };
        return root;
    }
}
