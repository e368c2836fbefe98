using System.CommandLine;
using HybridQsharp.Host.Circuits;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Cli;

/// <summary>`circuit estimate`: the QDK resource estimator on one call of the classifier, without drawing it.</summary>
public static class CircuitEstimateCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var experiment = new ExperimentCommandOptions();
        var run = new Option<string>("--run")
            { Description = "Use a trained hybrid's circuit, weights and first test sample (else the selected circuit at random angles)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout (logs still go to stderr)." };
        var command = new Command("estimate",
            "Estimate the physical resources of one call of the classifier on the QDK's predefined hardware profiles (surface code, " +
            "floquet code).\n\n" +
            "Examples:\n  hybridq circuit estimate\n  hybridq circuit estimate --encoding angle --ansatz hardware-efficient --json\n" +
            "  hybridq circuit estimate --qsharp my-classifier/src/MyClassifier.qs --operation MyClassifier.Classifier --encoding angle")
        {
            run, json,
        };
        foreach (var option in experiment.CircuitSelection)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], experiment.Overrides(parse), async (services, token) =>
        {
            using var target = await CircuitTarget.ResolveAsync(services, parse.GetValue(run), token);
            var rows = await ResourceEstimates.EstimateAsync(services.GetRequiredService<QsharpRuntime>(), target.Circuit, target.Arguments, token);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(
                    CircuitJson.Render(new CircuitEstimate(target.Circuit.Operation, target.Circuit.Qubits, target.Sample?.Index, rows)));
            }
            else
            {
                Console.Out.WriteLine($"{target.Circuit.Operation} ({target.Circuit.Qubits} qubits). {ResourceEstimates.Heading}");
                Console.Out.WriteLine(ResourceEstimates.Table(rows));
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
