using System.CommandLine;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training;
using HybridQsharp.Classical.Training.Attacks;
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
        var robustness = new Option<bool>("--robustness")
        {
            Description = "Also measure accuracy under attack (ε, step and steps as the run was trained with).",
        };
        var attack = new Option<string>("--attack")
        {
            Description = "With --robustness: sound (ε in pixel units, clamped in pixel space), "
                + "paper (the paper's torchattacks PGD on normalised images), "
                + "clamp-only (no perturbation, the paper's clamp alone), or all three. Default: the run's own attack.",
        };
        attack.AcceptOnlyFromAmong([.. AttackSemanticsNames.All, "all"]);
        var epsilon = new Option<double?>("--attack-epsilon") { Description = "With --robustness: PGD ε instead of the run's." };
        epsilon.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } value && !(value is > 0 and <= 10))
            {
                r.AddError("--attack-epsilon must lie in (0, 10].");
            }
        });
        var samples = new Option<int?>("--samples") { Description = "Test samples for the PGD evaluation (default: all)." };
        samples.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--samples must be at least 1.");
            }
        });
        var command = new Command("evaluate", "Evaluate a run's best checkpoint on the test split.\n\nExamples:\n"
            + "  hybridq evaluate --run runs/mnist-paper --model classical --robustness --attack all")
        {
            run, model, robustness, attack, epsilon, samples,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var loader = services.GetRequiredService<TrainedRunLoader>();
            using var trained = await loader.LoadAsync(new RunFolder(parse.GetValue(run)!), parse.GetValue(model), token);
            var data = loader.LoadTestData(trained.Settings, token);
            var trainer = new Trainer(new TrainingOptions(), services.GetRequiredService<ILogger<Trainer>>());
            var result = trainer.Evaluate(trained.Model, data.Test, token);
            Console.Out.WriteLine(
                $"{trained.Kind.Key()} on {trained.Settings.Dataset.DisplayName} test ({result.Samples:N0} images): accuracy {result.Accuracy:P2}, " +
                $"macro precision {result.Metrics.Precision:F4}, recall {result.Metrics.Recall:F4}, F1 {result.Metrics.F1:F4}, " +
                $"loss {result.Loss:F4}");
            if (parse.GetValue(robustness))
            {
                var settings = parse.GetValue(epsilon) is { } e ? trained.Settings with { AttackEpsilon = e } : trained.Settings;
                var chosen = parse.GetValue(attack) switch
                {
                    null => [settings.TrainingAttack],
                    "all" => settings.TestAttacks,
                    var name => AttackSemanticsNames.TryParse(name, out var semantics)
                        ? [settings.AttackOf(semantics)]
                        : throw new CommandLineError($"unknown attack '{name}'"),
                };
                foreach (var pgd in chosen)
                {
                    var measured = trainer.Measure(trained.Model, data.Test, pgd, parse.GetValue(samples), trained.Settings.Seed, token);
                    Console.Out.WriteLine($"{measured.Label} ({pgd.Description}): accuracy {measured.Accuracy:P2} on {measured.Samples:N0} images");
                }
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
