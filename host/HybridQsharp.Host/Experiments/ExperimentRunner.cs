using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Logging;
using HybridQsharp.Host.Progress;
using HybridQsharp.Host.Reports;
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
    ExperimentDataLoader dataLoader,
    QuantumCircuitPreparation preparation,
    QsharpRuntime runtime,
    RunReporter reporter,
    ILoggerFactory loggerFactory,
    ILogger<ExperimentRunner> logger)
{
    public async Task<ExperimentSummary> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var plan = ExperimentPlan.From(settings);
        var run = new RunFolder(settings.Output ?? RunFolder.DefaultFor(settings));
        if (settings.Resume && !File.Exists(run.Config))
            throw new CheckpointException($"--resume: {run.Path} holds no run to resume (no config.json); give the folder of an earlier run with --out.");
        using var logFile = new RunLogFileProvider(run.Log);
        loggerFactory.AddProvider(logFile);
        logger.LogInformation("Run folder {Folder}: {Models} on {Dataset}, {Preset} preset ({Epochs} epochs, batch {Batch}{Limit})",
            run.Path, string.Join(", ", settings.ModelKinds), settings.Dataset, plan.Preset, plan.Epochs, plan.BatchSize,
            plan.TrainLimit is { } l ? $", {l:N0} training samples" : string.Empty);

        TorchNativeLibrary.EnsureLoaded(logger);
        var data = dataLoader.Load(settings, plan, cancellationToken);
        var configuration = ConfigurationIdentity(settings, plan);
        var qsharpVersion = await runtime.StartAsync(cancellationToken);
        var environment = EnvironmentInfo.Collect(qsharpVersion);
        RunFolder.WriteJson(run.Config, new { settings, plan, environment, configuration });

        var training = new TrainingOptions
        {
            Epochs = plan.Epochs,
            BatchSize = plan.BatchSize,
            Seed = settings.Seed,
            RobustnessEvery = plan.RobustnessEvery,
            RobustnessSamples = plan.RobustnessSamples,
        };
        var trainer = new Trainer(training, loggerFactory.CreateLogger<Trainer>());
        var architecture = PaperArchitecture.For(settings.Dataset) with { ClassCount = data.ClassNames.Count };
        var outcomes = new List<ModelOutcome>();
        var trained = new List<ImageClassifier>();
        QuantumCircuitExecution? execution = null;
        foreach (var kind in settings.ModelKinds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Same seed per model: each starts from the same RNG state whatever ran before it.
            torch.random.manual_seed(settings.Seed);
            ImageClassifier model;
            if (kind == "hybrid")
            {
                execution ??= await preparation.PrepareAsync(settings, cancellationToken);
                var layer = new QuantumLayer(execution, QuantumCircuitPreparation.EncodingOf(settings), new torch.Generator((ulong)settings.Seed));
                model = PaperModels.Hybrid(architecture, layer);
            }
            else if (kind == "twin")
            {
                model = PaperModels.Twin(architecture, QuantumCircuitPreparation.EncodingOf(settings), settings.Qubits);
            }
            else
            {
                model = PaperModels.Classical(architecture);
            }

            logger.LogInformation("{Model}: {Parameters:N0} trainable parameters", kind, model.TrainableParameterCount);
            var progress = TrainingProgressDisplay.ForConsole(logger, training.LogEvery);
            var result = trainer.Train(model, data.Train, data.Validation, data.Test, run.Checkpoints(kind), settings.Resume, configuration + "/" + kind, progress, cancellationToken);
            outcomes.Add(new ModelOutcome(kind, result.TrainableParameters, result.History, result.BestEpoch, result.BestValidationAccuracy, result.Test, result.TestRobustness, result.Completed));
            trained.Add(model);
            MetricsFiles.Write(run, new ExperimentSummary(settings.Dataset, plan, environment, outcomes));
            if (!result.Completed)
            {
                logger.LogWarning("Interrupted: {Folder} holds the checkpoints; continue with: hybridq train --out {Folder} --resume (and the same options)", run.Path, run.Path);
                throw new OperationCanceledException(cancellationToken);
            }
        }

        var summary = new ExperimentSummary(settings.Dataset, plan, environment, outcomes);
        MetricsFiles.Write(run, summary);
        await reporter.WriteAsync(run, summary, data, trained, execution, cancellationToken);
        foreach (var model in trained)
            model.Dispose();
        logger.LogInformation("Done: {Report}", run.ReportMarkdown);
        return summary;
    }

    private static string ConfigurationIdentity(ExperimentOptions o, ExperimentPlan p) =>
        $"{o.Dataset}|{p.Preset}|{p.Epochs}|{p.BatchSize}|{p.TrainLimit}|{o.Seed}|{o.Qubits}|{o.Layers}|{o.Encoding}|{o.Ansatz}|{o.Gradient}|{string.Join(';', o.QsharpFiles)}|{o.Operation}".ToLowerInvariant();
}
