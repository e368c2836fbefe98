using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Logging;
using HybridQsharp.Host.Progress;
using HybridQsharp.Host.Reports;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace HybridQsharp.Host.Experiments;

/// <summary>
/// The `train` verb and the default job: load the data, build each requested model, train it
/// under the paper's protocol, and write the run folder (config, metrics, checkpoints, log, and
/// the report with its figures).
/// </summary>
public sealed class ExperimentRunner(
    IOptions<ExperimentOptions> options,
    ExperimentSettings settings,
    ExperimentDataLoader dataLoader,
    QuantumCircuitPreparation preparation,
    QsharpRuntime runtime,
    RunReporter reporter,
    ILoggerFactory loggerFactory,
    ILogger<ExperimentRunner> logger)
{
    public async Task<ExperimentSummary> RunAsync(CancellationToken cancellationToken)
    {
        var plan = settings.Plan;
        var run = new RunFolder(settings.RunFolderPath);
        if (settings.Resume && !File.Exists(run.Config))
        {
            throw new CheckpointException($"--resume: {run.Path} holds no run to resume (no config.json); give the folder of an earlier run with --out.");
        }

        using var logFile = new RunLogFileProvider(run.Log);
        loggerFactory.AddProvider(logFile);
        logger.LogInformation("Run folder {Folder}: {Models} on {Dataset}, {Preset} preset ({Epochs} epochs, batch {Batch}{Limit})",
            run.Path, string.Join(", ", settings.Models.Select(m => m.Key())), settings.Dataset.DisplayName, plan.Preset.Key(), plan.Epochs, plan.BatchSize,
            plan.TrainLimit is { } l ? $", {l:N0} training samples" : string.Empty);

        TorchNativeLibrary.EnsureLoaded(logger);
        var data = dataLoader.Load(settings, plan, cancellationToken);
        var configuration = ConfigurationIdentity(settings, plan);
        var qsharpVersion = await runtime.StartAsync(cancellationToken);
        var environment = EnvironmentInfo.Collect(qsharpVersion);
        var attack = settings.TrainingAttack;
        RunFolder.WriteJson(run.Config,
            new { settings = options.Value, plan, environment, configuration, attack, testAttacks = settings.TestAttacks });

        var training = new TrainingOptions
        {
            Epochs = plan.Epochs,
            BatchSize = plan.BatchSize,
            Seed = settings.Seed,
            RobustnessEvery = plan.RobustnessEvery,
            RobustnessSamples = plan.RobustnessSamples,
            Attack = attack,
            TestAttacks = settings.TestAttacks,
        };
        var trainer = new Trainer(training, loggerFactory.CreateLogger<Trainer>());
        var architecture = settings.Dataset.Architecture;
        var outcomes = new List<ModelOutcome>();
        var trained = new List<ImageClassifier>();
        QuantumCircuitExecution? execution = null;
        try
        {
            foreach (var kind in settings.Models)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Same seed per model: each starts from the same RNG state whatever ran before it.
                torch.random.manual_seed(settings.Seed);
                if (kind == ModelKind.Hybrid)
                {
                    execution ??= await preparation.PrepareAsync(settings, cancellationToken);
                }

                var model = ModelFactory.Create(kind, architecture, settings, execution, settings.Seed);
                trained.Add(model);
                logger.LogInformation("{Model}: {Parameters:N0} trainable parameters", kind.Key(), model.TrainableParameterCount);
                var progress = TrainingProgressDisplay.ForConsole(logger, training.LogEvery);
                var result = trainer.Train(model, data.Train, data.Validation, data.Test, run.Checkpoints(kind), settings.Resume,
                    configuration + "/" + kind.Key(), progress, cancellationToken);
                outcomes.Add(new ModelOutcome(kind, result.TrainableParameters, result.History, result.BestEpoch, result.BestValidationAccuracy,
                    result.Test, result.TestAttacks, result.Completed));
                MetricsFiles.Write(run, new ExperimentSummary(settings.Dataset.Key, plan, environment, outcomes, attack));
                if (!result.Completed)
                {
                    logger.LogWarning("Interrupted: {Folder} holds the checkpoints; continue with: hybridq train --out {Folder} --resume (and the same options)",
                        run.Path, run.Path);
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            var summary = new ExperimentSummary(settings.Dataset.Key, plan, environment, outcomes, attack);
            MetricsFiles.Write(run, summary);
            var everyFigure = settings.ReportFigures == ReportFigures.All;
            await reporter.WriteAsync(run, summary, everyFigure ? data : null, everyFigure ? trained : [], everyFigure ? execution : null,
                cancellationToken);
            logger.LogInformation("Done: {Report}", run.ReportMarkdown);
            return summary;
        }
        finally
        {
            foreach (var model in trained)
            {
                model.Dispose();
            }
        }
    }

    private static string ConfigurationIdentity(ExperimentSettings s, ExperimentPlan p) =>
        string.Join('|', s.Dataset.Key, p.Preset.Key(), p.Epochs, p.BatchSize, p.TrainLimit, s.Seed, s.Qubits, s.Layers, s.Encoding, s.Ansatz, s.Gradient,
            string.Join(';', s.QsharpFiles), s.Operation, s.Attack, s.AttackEpsilon, s.AttackStepSize, s.AttackSteps).ToLowerInvariant();
}
