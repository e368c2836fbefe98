using System.CommandLine;
using HybridQsharp.Host.Circuits;
using HybridQsharp.Host.Circuits.Checks;
using HybridQsharp.Host.Reports;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Cli;

/// <summary>
/// `circuit draw` (and bare `circuit`): the classifier drawn from the Q# compiler's circuit data, its tape as text, optionally the resource estimate.
/// </summary>
public static class CircuitDrawCommand
{
    public const string Examples =
        "Examples:\n  hybridq circuit draw --estimate\n  hybridq circuit draw --run runs/mnist-paper --estimate --out runs/mnist-paper/circuit\n" +
        "  hybridq circuit draw --qubits 8 --encoding angle --ansatz strong\n" +
        "  hybridq circuit draw --qsharp my-classifier/src/MyClassifier.qs --operation MyClassifier.Classifier --encoding angle --json";

    public static Command Create(Option<string[]> settings) =>
        Configure(new Command("draw",
            "Draw the Q# classifier (PNG, SVG, and its lifted tape as text); --estimate adds the QDK resource estimate.\n\n" + Examples), settings);

    /// <summary>
    /// Adds the drawing's options and action to <paramref name="command"/> (`circuit draw`, and `circuit` itself for compatibility).
    /// </summary>
    public static Command Configure(Command command, Option<string[]> settings)
    {
        var experiment = new ExperimentCommandOptions();
        var run = new Option<string>("--run")
            { Description = "Use a trained hybrid's circuit, weights and first test sample (else the selected circuit at random angles)." };
        var output = new Option<string>("--out") { Description = "Folder for circuit.png, circuit.svg and circuit.txt.",
            DefaultValueFactory = _ => "circuit" };
        var estimate = new Option<bool>("--estimate") { Description = "Also run the QDK resource estimator on its predefined hardware profiles." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout (logs still go to stderr)." };
        command.Options.Add(run);
        command.Options.Add(output);
        command.Options.Add(estimate);
        command.Options.Add(json);
        foreach (var option in experiment.CircuitSelection)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], experiment.Overrides(parse), async (services, token) =>
        {
            using var target = await CircuitTarget.ResolveAsync(services, parse.GetValue(run), token);
            var circuit = target.Circuit;
            var runtime = services.GetRequiredService<QsharpRuntime>();
            var folder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var tape = await services.GetRequiredService<TapeLifter>().LiftAsync(circuit, token);
            var text = TapeText.Render(tape, circuit);
            var textFile = Path.Combine(folder, "circuit.txt");
            RunFolder.WriteText(textFile, text);
            var argumentsFile = Path.Combine(folder, "circuit-arguments.json");
            RunFolder.WriteJson(argumentsFile, new
            {
                operation = circuit.Operation, testSample = target.Sample?.Index, label = target.Sample?.Label,
                features = target.Arguments[0], weights = target.Arguments[1],
            });
            var diagram = await runtime.CircuitDiagramAsync(circuit.Program, circuit.Operation, circuit.Qubits, target.Arguments, token);
            var figure = services.GetRequiredService<RunFigures>().DrawCircuit(diagram, folder, $"{circuit.Operation} ({circuit.Qubits} qubits)");

            IReadOnlyList<ResourceEstimates.Row>? rows = null;
            string? estimateFile = null;
            if (parse.GetValue(estimate))
            {
                rows = await ResourceEstimates.EstimateAsync(runtime, circuit, target.Arguments, token);
                estimateFile = Path.Combine(folder, "estimate.txt");
                RunFolder.WriteText(estimateFile, ResourceEstimates.Table(rows));
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(CircuitJson.Render(new CircuitDrawing(
                    circuit.Operation, circuit.Qubits, target.Sample?.Index, target.Sample?.Label,
                    new CircuitDrawingFiles(figure.Png, figure.Svg, textFile, argumentsFile, estimateFile), TapeStatistics.Gates(tape), rows)));
                return ExitCodes.Success;
            }

            Console.Out.WriteLine(text);
            Console.Out.WriteLine($"diagram: {figure.Png}, {figure.Svg}");
            if (rows is not null)
            {
                Console.Out.WriteLine();
                Console.Out.WriteLine(ResourceEstimates.Heading);
                Console.Out.WriteLine(ResourceEstimates.Table(rows));
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
