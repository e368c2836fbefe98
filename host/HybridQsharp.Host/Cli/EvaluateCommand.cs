using System.CommandLine;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Cli;

/// <summary>`evaluate`: a run's best checkpoint on the test split, with optional PGD robustness.</summary>
public static class EvaluateCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var run = InferCommand.RunOption();
        var model = new Option<ModelKind>("--model") { Description = "hybrid, classical or twin.", DefaultValueFactory = _ => ModelKind.Hybrid };
        var robustness = new Option<bool>("--robustness") { Description = "Also measure accuracy under PGD (ε 0.1, step 0.01, 10 steps)." };
        var samples = new Option<int?>("--samples") { Description = "Test samples for the PGD evaluation (default: all)." };
        samples.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--samples must be at least 1.");
            }
        });
        var command = new Command("evaluate", "Evaluate a run's best checkpoint on the test split.\n\nExamples:\n  hybridq evaluate --run runs/mnist-paper --model classical --robustness")
        {
            run, model, robustness, samples,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var loader = services.GetRequiredService<TrainedRunLoader>();
            using var trained = await loader.LoadAsync(new RunFolder(parse.GetValue(run)!), parse.GetValue(model), token);
            var data = loader.LoadTestData(trained.Settings, token);
            var trainer = new Trainer(new TrainingOptions(), services.GetRequiredService<ILogger<Trainer>>());
            var result = trainer.Evaluate(trained.Model, data.Test, token);
            Console.Out.WriteLine($"{trained.Kind.Key()} on {trained.Settings.Dataset.DisplayName} test ({result.Samples:N0} images): accuracy {result.Accuracy:P2}, " +
                $"macro precision {result.Metrics.Precision:F4}, recall {result.Metrics.Recall:F4}, F1 {result.Metrics.F1:F4}, loss {result.Loss:F4}");
            if (parse.GetValue(robustness))
            {
                var robust = trainer.Robustness(trained.Model, data.Test, parse.GetValue(samples), trained.Settings.Seed, token);
                Console.Out.WriteLine($"PGD (ε 0.1, step 0.01, 10 steps): accuracy {robust:P2}");
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
