using System.CommandLine;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Cli;

/// <summary>`evaluate`: a run's best checkpoint on the test split, with optional PGD robustness.</summary>
public static class EvaluateCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var run = InferCommand.RunOption();
        var model = new Option<string>("--model") { Description = "hybrid, classical or twin.", DefaultValueFactory = _ => "hybrid" };
        model.AcceptOnlyFromAmong("hybrid", "classical", "twin");
        var robustness = new Option<bool>("--robustness") { Description = "Also measure accuracy under PGD (ε 0.1, step 0.01, 10 steps)." };
        var samples = new Option<int?>("--samples") { Description = "Test samples for the PGD evaluation (default: all)." };
        var command = new Command("evaluate", "Evaluate a run's best checkpoint on the test split.\n\nExamples:\n  hybridq evaluate --run runs/mnist-paper --model classical --robustness")
        {
            run, model, robustness, samples,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var folder = new RunFolder(parse.GetValue(run)!);
            var kind = parse.GetValue(model)!;
            var options = TrainedHybrid.ReadOptions(folder);
            TorchNativeLibrary.EnsureLoaded();
            ImageClassifier classifier;
            TrainedHybrid? hybrid = null;
            var architecture = PaperArchitecture.For(options.Dataset);
            if (kind == "hybrid")
            {
                hybrid = await TrainedHybrid.LoadAsync(folder.Path, services.GetRequiredService<QuantumCircuitPreparation>(), token);
                classifier = hybrid.Model;
            }
            else
            {
                classifier = kind == "twin"
                    ? PaperModels.Twin(architecture, QuantumCircuitPreparation.EncodingOf(options), options.Qubits)
                    : PaperModels.Classical(architecture);
                TrainingCheckpoint.Load(Path.Combine(folder.Checkpoints(kind), "best.ckpt")).RestoreModel(classifier);
            }

            using (classifier)
            {
                var data = services.GetRequiredService<ExperimentDataLoader>().Load(options, ExperimentPlan.From(options) with { TestLimit = null }, token);
                var trainer = new Trainer(new TrainingOptions(), services.GetRequiredService<ILogger<Trainer>>());
                var result = trainer.Evaluate(classifier, data.Test, token);
                Console.Out.WriteLine($"{kind} on {options.Dataset} test ({result.Samples:N0} images): accuracy {result.Accuracy:P2}, macro precision {result.Metrics.Precision:F4}, recall {result.Metrics.Recall:F4}, F1 {result.Metrics.F1:F4}, loss {result.Loss:F4}");
                if (parse.GetValue(robustness))
                {
                    var robust = trainer.Robustness(classifier, data.Test, parse.GetValue(samples), options.Seed, token);
                    Console.Out.WriteLine($"PGD (ε 0.1, step 0.01, 10 steps): accuracy {robust:P2}");
                }
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
