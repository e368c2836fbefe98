using System.CommandLine;
using System.Text.Json;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Host.Experiments;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Cli;

/// <summary>`models`: layer-by-layer summaries of the hybrid and classical models, as torchinfo prints them.</summary>
public static class ModelsCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var experiment = new ExperimentCommandOptions();
        var json = new Option<bool>("--json")
            { Description = "One JSON object: {\"hybrid\": {\"params\": N, \"layers\": [...]}, \"classical\": {...}, \"twin\": {...}}." };
        var command = new Command("models", "Summarise the models of a dataset: layers, output shapes, trainable parameters.\n\nExamples:\n" +
            "  hybridq models\n  hybridq models --dataset stl10 --json\n  hybridq models --qubits 2 --encoding angle")
        {
            experiment.Dataset, experiment.Qubits, experiment.Layers, experiment.Encoding, experiment.Ansatz, json,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], experiment.Overrides(parse), async (services, token) =>
        {
            TorchNativeLibrary.EnsureLoaded();
            var options = services.GetRequiredService<ExperimentSettings>();
            var architecture = options.Dataset.Architecture;
            var execution = await services.GetRequiredService<QuantumCircuitPreparation>().PrepareAsync(options, token);
            var models = ModelKinds.All.Select(kind => ModelFactory.Create(kind, architecture, options, execution, options.Seed)).ToList();
            List<ModelSummary> summaries;
            try
            {
                summaries = models.Select(m => ModelSummary.Of(m, architecture)).ToList();
            }
            finally
            {
                foreach (var model in models)
                {
                    model.Dispose();
                }
            }

            if (parse.GetValue(json))
            {
                var document = summaries.ToDictionary(s => s.Kind.Key(), s => new
                {
                    @params = s.TrainableParameters,
                    model = s.Model,
                    input = s.InputShape,
                    layers = s.Layers.Select(l => new { name = l.Name, type = l.Type, output = l.OutputShape, @params = l.Parameters }),
                });
                Console.Out.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                foreach (var summary in summaries)
                {
                    Console.Out.WriteLine(summary.ToTable() + Environment.NewLine);
                }
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
