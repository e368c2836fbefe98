using System.CommandLine;
using HybridQsharp.Host.Circuits;
using HybridQsharp.Host.Circuits.Checks;
using HybridQsharp.Host.Experiments;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Cli;

/// <summary>
/// `circuit check`: the circuit workbench's report (shape, gates, depth, affine map, agreement with Q#, gradient check), without training.
/// </summary>
public static class CircuitCheckCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var experiment = new ExperimentCommandOptions();
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object on stdout (logs still go to stderr)." };
        var command = new Command("check",
            "Lift the classifier as training would and report its shape, gate counts, depth, parametric rotations and affine map, " +
            "the native simulator's agreement with the Q# simulator running the original operation, and a gradient check " +
            "(parameter shift vs adjoint vs central differences). Exit code 1 when the circuit is refused or a check fails.\n\n" +
            "Examples:\n  hybridq circuit check\n  hybridq circuit check --encoding angle --ansatz reuploading --qubits 4 --layers 2 --json\n" +
            "  hybridq circuit check --qsharp my-classifier/src/MyClassifier.qs --operation MyClassifier.Classifier --encoding angle")
        {
            json,
        };
        foreach (var option in experiment.CircuitSelection)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], experiment.Overrides(parse), async (services, token) =>
        {
            var settingsValue = services.GetRequiredService<ExperimentSettings>();
            var circuit = await services.GetRequiredService<QuantumCircuitPreparation>().CircuitAsync(settingsValue, token);
            var report = await CircuitCheck.FromServices(services).RunAsync(circuit, settingsValue.Layers, token);
            Console.Out.Write(parse.GetValue(json) ? CircuitJson.Render(report) + Environment.NewLine : CircuitCheckText.Render(report));
            if (report.Refusal is { } refusal)
            {
                Console.Error.WriteLine($"hybridq: {refusal}");
                return ExitCodes.Failure;
            }

            if (!report.Passed)
            {
                Console.Error.WriteLine($"hybridq: {circuit.Operation} failed its check (see the report above).");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
