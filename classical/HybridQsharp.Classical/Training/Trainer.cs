using System.Diagnostics;
using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Training.Attacks;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Training;

/// <summary>
/// The paper's training protocol for one model: per batch forward, label-smoothed cross-entropy,
/// backward, clipping, step and schedule; per epoch validation metrics, timing split, process
/// resources, PGD robustness every few epochs, and checkpoints (last, and best by validation
/// accuracy); at the end the best model on the test split.
/// </summary>
public sealed class Trainer(TrainingOptions options, ILogger<Trainer> logger)
{
    /// <summary>Raised after each completed epoch (its checkpoints written) with the history so far.</summary>
    public event Action<IReadOnlyList<EpochMetrics>>? EpochCompleted;

    /// <param name="model">The model to train (hybrid, classical or twin).</param>
    /// <param name="folder">Where last.ckpt and best.ckpt of this model go.</param>
    /// <param name="resume">Continue from folder/last.ckpt when it exists.</param>
    /// <param name="configuration">Identity of the settings; a resume with other settings is refused.</param>
    public TrainingResult Train(ImageClassifier model, IBatchStream train, IBatchStream validation, IBatchStream? test,
        string folder, bool resume, string configuration, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        using var deterministic = options.Deterministic ? DeterministicScope.Enter() : null;
        var kind = model.Kind;
        var name = kind.Key();
        var batchesPerEpoch = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var recipe = ModelRecipe.For(model.Kind, (long)batchesPerEpoch * options.Epochs);
        using var optimizer = recipe.CreateOptimizer(model.parameters().Where(p => p.requires_grad));
        var quantum = (model as HybridClassifier)?.QuantumPart as QuantumLayer;
        var lastPath = Path.Combine(folder, "last.ckpt");
        var bestPath = Path.Combine(folder, "best.ckpt");

        var history = new List<EpochMetrics>();
        var (startEpoch, steps, bestAccuracy, bestEpoch) = (0, 0L, double.NegativeInfinity, 0);

        // Dropout and PGD starts draw from torch's global generator: seed it here, so a run's draws
        // do not depend on what consumed the generator before (model construction, other models).
        manual_seed(options.Seed);
        if (resume && File.Exists(lastPath))
        {
            var checkpoint = TrainingCheckpoint.Load(lastPath);
            if (checkpoint.State.Configuration != configuration)
            {
                throw new CheckpointException(
                    $"{lastPath} was written with different settings; resume with the same options or start a new run folder.");
            }

            checkpoint.RestoreModel(model);
            checkpoint.RestoreOptimizer(optimizer);
            checkpoint.RestoreRandomState();
            history.AddRange(checkpoint.State.History);
            (startEpoch, steps, bestAccuracy, bestEpoch) =
                (checkpoint.State.CompletedEpochs, checkpoint.State.Steps, checkpoint.State.BestValidationAccuracy, checkpoint.State.BestEpoch);
            logger.LogInformation("{Model}: resuming after epoch {Epoch} of {Epochs}", name, startEpoch, options.Epochs);
        }

        var resources = new ProcessResources();
        var completed = true;

        // Autograd calls the quantum layer without a token: hand it this run's, so Ctrl+C stops a long batch mid-way.
        using var quantumCancellation = quantum?.Execution.CancelWith(cancellationToken);

        for (var epoch = startEpoch; epoch < options.Epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                completed = false;
                break;
            }

            var lastGood = epoch == 0 || !File.Exists(lastPath)
                ? "no epoch had completed, so no checkpoint was written"
                : $"{lastPath} still holds epoch {epoch}, the last good one";
            EpochMetrics? metrics;
            try
            {
                metrics = RunEpoch(model, optimizer, recipe, quantum, train, validation, epoch, ref steps, resources, progress, lastGood,
                    cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Cancelled inside a batch (the quantum layer or the data stream): the step was not taken.
                metrics = null;
            }

            if (metrics is null)
            {
                completed = false;
                logger.LogWarning("{Model}: epoch {Epoch} interrupted; the run resumes from the end of epoch {Last} (--resume)", name, epoch + 1,
                    epoch);
                break;
            }

            history.Add(metrics);
            if (metrics.ValidationAccuracy > bestAccuracy)
            {
                (bestAccuracy, bestEpoch) = (metrics.ValidationAccuracy, epoch + 1);
                TrainingCheckpoint.Capture(model, null, State(kind, epoch + 1, steps, bestAccuracy, bestEpoch, history, configuration),
                    includeRandomState: false).Save(bestPath);
            }

            TrainingCheckpoint.Capture(model, optimizer, State(kind, epoch + 1, steps, bestAccuracy, bestEpoch, history, configuration),
                includeRandomState: true).Save(lastPath);
            EpochCompleted?.Invoke(history);
            ProcessResources.CollectBetweenEpochs();
            logger.LogInformation(
                "{Model} epoch {Epoch}/{Epochs}: train loss {TrainLoss:F4}, val loss {ValLoss:F4}, val acc {ValAcc:P2}, F1 {F1:F4}{Robust}, " +
                "{Seconds:F1} s (data {Data:F1} s, quantum {Quantum:F1} s)",
                name, epoch + 1, options.Epochs, metrics.TrainLoss, metrics.ValidationLoss, metrics.ValidationAccuracy, metrics.F1,
                metrics.Robustness is { } r ? $", PGD acc {r:P2}" : string.Empty, metrics.EpochSeconds, metrics.DataSeconds, metrics.QuantumSeconds);
        }

        EvaluationResult? testResult = null;
        var testAttacks = new List<AttackMeasurement>();
        if (completed && test is not null && File.Exists(bestPath))
        {
            TrainingCheckpoint.Load(bestPath).RestoreModel(model);
            testResult = Evaluate(model, test, cancellationToken);
            if (options.RobustnessEvery > 0)
            {
                foreach (var attack in options.TestAttacks ?? [options.Attack])
                {
                    testAttacks.Add(Measure(model, test, attack, options.RobustnessSamples, options.Seed, cancellationToken));
                }
            }

            logger.LogInformation("{Model}: best epoch {Best}, test accuracy {Accuracy:P2}, macro F1 {F1:F4}, under attack: {Robust}",
                name, bestEpoch, testResult.Accuracy, testResult.Metrics.F1,
                testAttacks.Count == 0 ? "not measured" : string.Join(", ", testAttacks.Select(a => $"{a.Label} {a.Accuracy:P2}")));
        }

        return new TrainingResult(kind, history, bestEpoch, bestAccuracy, testResult, testAttacks, completed, model.TrainableParameterCount);
    }

    /// <summary>Loss, metrics and confusion matrix on a split (eval mode, no gradients).</summary>
    public EvaluationResult Evaluate(ImageClassifier model, IBatchStream split, CancellationToken cancellationToken = default)
    {
        model.eval();
        var confusion = new long[split.ClassCount, split.ClassCount];
        double lossSum = 0;
        var samples = 0;
        using (no_grad())
        {
            foreach (var (images, labels) in split.Batches(0, options.BatchSize, cancellationToken))
            {
                // The stream makes the batch outside this scope: it is disposed here, not left to the finaliser.
                using var scope = NewDisposeScope();
                scope.Attach([images, labels]);
                var logits = model.forward(images);
                lossSum += nn.functional.cross_entropy(logits, labels, label_smoothing: options.LabelSmoothing).item<float>() * labels.shape[0];
                samples += (int)labels.shape[0];
                Accumulate(confusion, labels, logits.argmax(1));
            }
        }

        return new EvaluationResult(samples == 0 ? 0 : lossSum / samples, ClassificationMetrics.FromConfusion(confusion), ToJagged(confusion),
            samples);
    }

    /// <summary>Accuracy on images of (a prefix of) a split perturbed by <see cref="TrainingOptions.Attack"/>.</summary>
    public double Robustness(ImageClassifier model, IBatchStream split, int? maxSamples, int seed, CancellationToken cancellationToken = default) =>
        Measure(model, split, options.Attack, maxSamples, seed, cancellationToken).Accuracy;

    /// <summary>Accuracy on images of (a prefix of) a split perturbed by <paramref name="attack"/>, with the attack's settings.</summary>
    public AttackMeasurement Measure(ImageClassifier model, IBatchStream split, PgdAttack attack, int? maxSamples, int seed,
        CancellationToken cancellationToken = default)
    {
        model.eval();
        long correct = 0, seen = 0;
        using var generator = new Generator((ulong)seed);
        foreach (var (images, labels) in split.Batches(0, options.BatchSize, cancellationToken))
        {
            using var scope = NewDisposeScope();
            scope.Attach([images, labels]);
            if (maxSamples is { } max && seen >= max)
            {
                break;
            }

            var adversarial = attack.Perturb(model, images, labels, generator);
            using (no_grad())
            {
                correct += model.forward(adversarial).argmax(1).eq(labels).sum().item<long>();
            }

            seen += labels.shape[0];
        }

        return AttackMeasurement.Of(attack, (int)seen, seen == 0 ? 0 : (double)correct / seen);
    }

    private EpochMetrics? RunEpoch(ImageClassifier model, optim.Optimizer optimizer, ModelRecipe recipe, QuantumLayer? quantum,
        IBatchStream train, IBatchStream validation, int epoch, ref long steps, ProcessResources resources,
        IProgress<TrainingProgress>? progress, string lastGood, CancellationToken cancellationToken)
    {
        resources.StartInterval();
        var epochWatch = Stopwatch.StartNew();
        var quantumBefore = quantum?.Execution.Elapsed ?? TimeSpan.Zero;
        var batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
        double dataSeconds = 0, computeSeconds = 0, lossSum = 0, rate = 0;
        long correct = 0, seen = 0;
        var batch = 0;
        model.train();
        using var enumerator = train.Batches(epoch, options.BatchSize, cancellationToken).GetEnumerator();
        while (true)
        {
            var dataStart = Stopwatch.GetTimestamp();
            if (!enumerator.MoveNext())
            {
                break;
            }

            dataSeconds += Stopwatch.GetElapsedTime(dataStart).TotalSeconds;
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            var computeStart = Stopwatch.GetTimestamp();
            var (images, labels) = enumerator.Current;
            using (var scope = NewDisposeScope())
            {
                scope.Attach([images, labels]);
                rate = recipe.Apply(optimizer, steps);
                optimizer.zero_grad();
                var logits = model.forward(images);
                var loss = nn.functional.cross_entropy(logits, labels, label_smoothing: options.LabelSmoothing);
                var lossValue = loss.item<float>();
                if (!float.IsFinite(lossValue))
                {
                    // Stepping on a NaN loss would make every weight NaN; stop with the model as it was.
                    throw new TrainingDivergedException(model.Kind, epoch + 1,
                        $"{model.Kind.Key()}: the training loss became {lossValue} in epoch {epoch + 1}, " +
                        $"batch {batch + 1} of {batches} (learning rate {rate:G4}); " +
                        $"training stopped before that step; {lastGood}.");
                }

                loss.backward();
                if (recipe.ClipNorm is { } clip)
                {
                    nn.utils.clip_grad_norm_(model.parameters(), clip);
                }

                optimizer.step();
                steps++;
                lossSum += lossValue * labels.shape[0];
                correct += logits.argmax(1).eq(labels).sum().item<long>();
                seen += labels.shape[0];
            }

            computeSeconds += Stopwatch.GetElapsedTime(computeStart).TotalSeconds;
            batch++;
            progress?.Report(new TrainingProgress(model.Kind, epoch + 1, options.Epochs, batch, batches, seen / epochWatch.Elapsed.TotalSeconds,
                lossSum / seen, (double)correct / seen, epochWatch.Elapsed));
        }

        var trainSeconds = epochWatch.Elapsed.TotalSeconds;
        var quantumSeconds = ((quantum?.Execution.Elapsed ?? TimeSpan.Zero) - quantumBefore).TotalSeconds;
        var evaluationWatch = Stopwatch.StartNew();
        var evaluation = Evaluate(model, validation, cancellationToken);
        double? robustness = options.RobustnessEvery > 0 && (epoch + 1) % options.RobustnessEvery == 0
            ? Robustness(model, validation, options.RobustnessSamples, options.Seed + epoch, cancellationToken)
            : null;
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (!double.IsFinite(evaluation.Loss))
        {
            throw new TrainingDivergedException(model.Kind, epoch + 1,
                $"{model.Kind.Key()}: the validation loss became {evaluation.Loss} after epoch {epoch + 1} (training loss " +
                $"{(seen == 0 ? 0 : lossSum / seen):G6}); " +
                $"training stopped without saving that epoch; {lastGood}.");
        }

        var (cpu, peak) = resources.EndInterval();
        return new EpochMetrics(model.Kind, epoch + 1, seen == 0 ? 0 : lossSum / seen, seen == 0 ? 0 : (double)correct / seen,
            evaluation.Loss, evaluation.Accuracy, evaluation.Metrics.Precision, evaluation.Metrics.Recall, evaluation.Metrics.F1, robustness,
            trainSeconds, dataSeconds, computeSeconds - quantumSeconds, quantumSeconds, evaluationWatch.Elapsed.TotalSeconds, cpu, peak, rate);
    }

    private static CheckpointState State(ModelKind model, int epochs, long steps, double best, int bestEpoch, List<EpochMetrics> history,
        string configuration) =>
        new() { Model = model, CompletedEpochs = epochs, Steps = steps, BestValidationAccuracy = best, BestEpoch = bestEpoch,
            History = history.ToList(), Configuration = configuration };

    private static void Accumulate(long[,] confusion, Tensor labels, Tensor predictions)
    {
        var truth = labels.data<long>().ToArray();
        var predicted = predictions.data<long>().ToArray();
        for (var i = 0; i < truth.Length; i++)
        {
            confusion[truth[i], predicted[i]]++;
        }
    }

    private static long[][] ToJagged(long[,] matrix) =>
        Enumerable.Range(0, matrix.GetLength(0)).Select(r => Enumerable.Range(0, matrix.GetLength(1)).Select(c => matrix[r, c]).ToArray()).ToArray();
}
