using System.CommandLine;
using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Circuits;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Reports;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Cli;

/// <summary>`circuit`: the classifier drawn from the Q# compiler's circuit data, its tape as text, and (--estimate) the resource estimate.</summary>
public static class CircuitCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var experiment = new ExperimentCommandOptions();
        var run = new Option<string>("--run") { Description = "Use a trained hybrid's circuit, weights and first test sample (else the configured circuit at random angles)." };
        var output = new Option<string>("--out") { Description = "Folder for circuit.png, circuit.svg and circuit.txt.", DefaultValueFactory = _ => "circuit" };
        var estimate = new Option<bool>("--estimate") { Description = "Also run the QDK resource estimator on its predefined hardware profiles." };
        var command = new Command("circuit", "Draw the Q# classifier (PNG, SVG, text) and optionally estimate the resources it needs.\n\nExamples:\n  hybridq circuit --estimate\n  hybridq circuit --run runs/mnist-paper --estimate --out runs/mnist-paper/circuit\n  hybridq circuit --qubits 8 --encoding angle --ansatz strong")
        {
            run, output, estimate, experiment.Qubits, experiment.Layers, experiment.Encoding, experiment.Ansatz, experiment.QsharpFiles, experiment.Operation, experiment.Features, experiment.Weights,
            CircuitNewCommand.Create(settings),
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], experiment.Overrides(parse), async (services, token) =>
        {
            var runtime = services.GetRequiredService<QsharpRuntime>();
            TrainedRun? trained = null;
            try
            {
                Quantum.Circuits.ClassifierCircuit circuit;
                double[][] arguments;
                CircuitSample? sample = null;
                if (parse.GetValue(run) is { } folder)
                {
                    var loader = services.GetRequiredService<TrainedRunLoader>();
                    trained = await loader.LoadAsync(new RunFolder(folder), ModelKind.Hybrid, token);
                    circuit = trained.HybridExecution.Circuit;
                    sample = loader.TestSamples(trained, 1, token)[0];
                    arguments = sample.Arguments;
                }
                else
                {
                    circuit = await services.GetRequiredService<QuantumCircuitPreparation>().CircuitAsync(services.GetRequiredService<ExperimentSettings>(), token);
                    var random = new Random(7);
                    arguments = [Enumerable.Range(0, circuit.FeatureCount).Select(_ => random.NextDouble() * Math.PI).ToArray(),
                                 Enumerable.Range(0, circuit.WeightCount).Select(_ => random.NextDouble() * 2 * Math.PI).ToArray()];
                }

                var target = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
                var tape = await services.GetRequiredService<TapeLifter>().LiftAsync(circuit, token);
                var text = TapeText.Render(tape, circuit);
                RunFolder.WriteText(Path.Combine(target, "circuit.txt"), text);
                RunFolder.WriteJson(Path.Combine(target, "circuit-arguments.json"),
                    new { operation = circuit.Operation, testSample = sample?.Index, label = sample?.Label, features = arguments[0], weights = arguments[1] });
                var diagram = await runtime.CircuitDiagramAsync(circuit.Program, circuit.Operation, circuit.Qubits, arguments, token);
                var figure = services.GetRequiredService<RunFigures>().DrawCircuit(diagram, target, $"{circuit.Operation} ({circuit.Qubits} qubits)");
                Console.Out.WriteLine(text);
                Console.Out.WriteLine($"diagram: {figure.Png}, {figure.Svg}");
                if (parse.GetValue(estimate))
                {
                    var rows = await ResourceEstimates.EstimateAsync(runtime, circuit, arguments, token);
                    var table = ResourceEstimates.Table(rows);
                    RunFolder.WriteText(Path.Combine(target, "estimate.txt"), table);
                    Console.Out.WriteLine();
                    Console.Out.WriteLine("QDK resource estimate (one call of the classifier, every qubit measured):");
                    Console.Out.WriteLine(table);
                }

                return ExitCodes.Success;
            }
            finally
            {
                trained?.Dispose();
            }
        }, ct));
        return command;
    }
}
