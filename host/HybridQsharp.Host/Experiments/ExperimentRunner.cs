using System.Text.Json;
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
    TrainedRunLoader runLoader,
    ILoggerFactory loggerFactory,
    ILogger<ExperimentRunner> logger)
{
    public async Task<ExperimentSummary> RunAsync(CancellationToken cancellationToken)
    {
        var run = new RunFolder(settings.RunFolderPath);
        if (settings.Resume)
        {
            CheckResumable(run);
        }

        using var runLock = RunLock.Acquire(run);
        using var logFile = new RunLogFileProvider(run.Log);
        loggerFactory.AddProvider(logFile);
        try
        {
            return await TrainAsync(run, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Cancelled: {Folder} holds the last checkpoints; continue with: hybridq train --out {Folder} --resume", run.Path,
                run.Path);
            throw;
        }
        catch (Exception e)
        {
            // The console gets one line (VerbRunner); the run's log keeps the whole story.
            logFile.WriteFailure(e);
            throw;
        }
    }

    private async Task<ExperimentSummary> TrainAsync(RunFolder run, CancellationToken cancellationToken)
    {
        var plan = settings.Plan;
        logger.LogInformation("Run folder {Folder}: {Models} on {Dataset}, {Preset} preset ({Epochs} epochs, batch {Batch}){Resume}",
            run.Path, string.Join(", ", settings.Models.Select(m => m.Key())), settings.Dataset.DisplayName, plan.Preset.Key(), plan.Epochs,
            plan.BatchSize,
            settings.Resume ? ", resuming" : string.Empty);

        TorchNativeLibrary.EnsureLoaded(logger);
        var data = dataLoader.Load(settings, plan, cancellationToken);
        var configuration = ConfigurationIdentity(settings, plan);
        var qsharpVersion = await runtime.StartAsync(cancellationToken);
        var environment = EnvironmentInfo.Collect(qsharpVersion);
        var attack = settings.TrainingAttack;
        if (!settings.Resume)
        {
            RunFolder.WriteJson(run.Config,
                new { settings = options.Value, plan, environment, configuration, attack, testAttacks = settings.TestAttacks });
        }

        var training = new TrainingOptions
        {
            Epochs = plan.Epochs,
            BatchSize = plan.BatchSize,
            Seed = settings.Seed,
            RobustnessEvery = plan.RobustnessEvery,
            RobustnessSamples = plan.RobustnessSamples,
            Attack = attack,
            TestAttacks = settings.TestAttacks,
            Deterministic = settings.Deterministic,
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
                if (kind == ModelKind.Hybrid || (kind == ModelKind.Twin && settings.QsharpFiles.Count > 0))
                {
                    execution ??= await preparation.PrepareAsync(settings, cancellationToken);
                }

                var model = ModelFactory.Create(kind, architecture, settings, execution, settings.Seed);
                trained.Add(model);
                logger.LogInformation("{Model}: {Parameters:N0} trainable parameters", kind.Key(), model.TrainableParameterCount);
                if (settings.Resume && !File.Exists(Path.Combine(run.Checkpoints(kind), "last.ckpt")))
                {
                    logger.LogInformation("{Model}: no checkpoint in {Folder} yet; it starts from epoch 1", kind.Key(), run.Checkpoints(kind));
                }

                // metrics.csv and metrics.json follow the run epoch by epoch, so an interrupted run still shows its curves.
                void WriteEpoch(IReadOnlyList<EpochMetrics> history) =>
                    MetricsFiles.Write(run, new ExperimentSummary(settings.Dataset.Key, plan, environment,
                    [.. outcomes, new ModelOutcome(kind, model.TrainableParameterCount, history, 0, double.NaN, null, null, false)]));
                trainer.EpochCompleted += WriteEpoch;
                TrainingResult result;
                try
                {
                    var progress = TrainingProgressDisplay.ForConsole(logger, training.LogEvery);
                    result = trainer.Train(model, data.Train, data.Validation, data.Test, run.Checkpoints(kind), settings.Resume,
                        configuration + "/" + kind.Key(), progress, cancellationToken);
                }
                finally
                {
                    trainer.EpochCompleted -= WriteEpoch;
                }

                outcomes.Add(new ModelOutcome(kind, result.TrainableParameters, result.History, result.BestEpoch, result.BestValidationAccuracy,
                    result.Test, result.TestAttacks, result.Completed));
                MetricsFiles.Write(run, new ExperimentSummary(settings.Dataset.Key, plan, environment, outcomes, attack));
                if (!result.Completed)
                {
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

    /// <summary>
    /// --resume continues the run a folder holds, with the settings it was started with: a folder
    /// without a run, or different settings (another model, dataset, seed, ...), is refused rather
    /// than silently started afresh.
    /// </summary>
    private void CheckResumable(RunFolder run)
    {
        if (!File.Exists(run.Config))
        {
            throw new CheckpointException(
                $"--resume: {run.Path} holds no run to resume (no config.json); give the folder of an earlier run with --out.");
        }

        var saved = runLoader.ReadOptions(run);
        var differences = ResumeDifferences(saved, options.Value).ToList();
        if (differences.Count > 0)
        {
            throw new CheckpointException($"--resume: {run.Path} was started with other settings ({string.Join("; ", differences)}); " +
                "resume with the same options or start a new run folder.");
        }
    }

    private static IEnumerable<string> ResumeDifferences(ExperimentOptions saved, ExperimentOptions current)
    {
        var before = JsonSerializer.SerializeToElement(saved, RunFolder.Json);
        var now = JsonSerializer.SerializeToElement(current, RunFolder.Json);
        foreach (var property in now.EnumerateObject())
        {
            // Where a run is written and what it may use do not change its numbers.
            if (property.NameEquals("resume") || property.NameEquals("output") || property.NameEquals("memoryBudget"))
            {
                continue;
            }

            var was = before.TryGetProperty(property.Name, out var value) ? value.ToString() : string.Empty;
            var is_ = property.Value.ToString();
            if (!string.Equals(was, is_, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{property.Name} was {Shown(was)}, now {Shown(is_)}";
            }
        }

        static string Shown(string value) => value.Length == 0 ? "not set" : value;
    }

    private static string ConfigurationIdentity(ExperimentSettings s, ExperimentPlan p) =>
        string.Join('|', s.Dataset.Key, p.Preset.Key(), p.Epochs, p.BatchSize, p.TrainLimit, s.Seed, s.Qubits, s.Layers, s.Encoding, s.Ansatz,
            s.Gradient,
            string.Join(';', s.QsharpFiles), s.Operation, s.Attack, s.AttackEpsilon, s.AttackStepSize, s.AttackSteps).ToLowerInvariant();
}
