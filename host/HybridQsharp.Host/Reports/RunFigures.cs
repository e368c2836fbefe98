using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Figures;
using HybridQsharp.Host.Numerics;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;
using FigureEpoch = HybridQsharp.Host.Figures.EpochMetrics;

namespace HybridQsharp.Host.Reports;

/// <summary>
/// Every figure of a run, mapped from what the run measured: curves, resources, confusion matrices,
/// metric bars and test results from the metrics; feature spaces, sample images, predictions,
/// class distribution and the circuit diagram when the trained models and the data are at hand.
/// </summary>
public sealed class RunFigures(FigureWriter writer, QsharpRuntime runtime, DatasetCatalog datasets, ILogger<RunFigures> logger)
{
    private const int FeaturePoints = 1000;
    private const int PredictionSamples = 16;

    public async Task<IReadOnlyList<ReportDocument.Figure>> DrawAsync(RunFolder run, ExperimentSummary summary, ExperimentData? data,
        IReadOnlyList<ImageClassifier> models, QuantumCircuitExecution? execution, CancellationToken cancellationToken)
    {
        var figures = new List<ReportDocument.Figure>();
        var dir = run.Figures;
        var dataset = datasets.Find(summary.Dataset)?.DisplayName ?? summary.Dataset;
        void Add(string title, FigureFiles files) => figures.Add(new ReportDocument.Figure(title, files.Png));

        var histories = summary.Models.Where(m => m.History.Count > 0).ToList();
        if (histories.Count > 0)
        {
            Add("Training curves", TrainingCurvesFigure.Write(writer, dir, "training-curves", $"Training curves, {dataset}",
                histories.Select(m => new ModelTrainingHistory(m.Model.Key(), m.History.Select(
                    h => new FigureEpoch(h.Epoch, h.TrainLoss, h.ValidationLoss, h.ValidationAccuracy, h.F1, h.Robustness)).ToList())).ToList()));
            Add("Resource use per epoch", ResourceUseFigure.Write(writer, dir, "resources", $"Resource use per epoch, {dataset} (this process)",
                histories.Select(m => new ModelResourceHistory(m.Model.Key(), m.History.Select(h => new EpochResourceUse(h.Epoch, h.DataSeconds,
                    Math.Max(0, h.ComputeSeconds), h.QuantumSeconds, h.CpuSeconds, h.PeakWorkingSetBytes / (1024.0 * 1024.0))).ToList())).ToList()));
        }

        var tested = summary.Models.Where(m => m.Test is not null).ToList();
        var classNames = data?.ClassNames ?? Enumerable.Range(0, tested.FirstOrDefault()?.Test!.Confusion.Length ?? 0)
            .Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var m in tested)
        {
            var confusion = m.Test!.Confusion;
            var counts = new int[confusion.Length, confusion.Length];
            for (var t = 0; t < confusion.Length; t++)
            {
                for (var p = 0; p < confusion.Length; p++)
                {
                    counts[t, p] = (int)confusion[t][p];
                }
            }

            var key = m.Model.Key();
            Add($"Confusion matrix, {key}", ConfusionMatrixFigure.Write(writer, dir, $"confusion-{key}",
                $"Confusion matrix, {key}, {dataset} test set ({m.Test.Samples:N0} images)",
                new ConfusionMatrixData(key, classNames, counts)));
        }

        if (tested.Count > 0)
        {
            Add("Metric comparison", MetricComparisonFigure.Write(writer, dir, "metric-comparison", $"Test metrics (macro averages), {dataset}",
                tested.Select(m => new ModelMetrics(m.Model.Key(), m.Test!.Accuracy, m.Test.Metrics.Precision, m.Test.Metrics.Recall,
                    m.Test.Metrics.F1)).ToList()));
            // The paper's PGD figure is its own attack's, so ours beside it is the paper-semantics measurement.
            var compared = tested.SelectMany(m => m.Attacks).FirstOrDefault(a => a.Semantics == AttackSemantics.Paper)
                ?? tested.SelectMany(m => m.Attacks).FirstOrDefault();
            Add("Test results beside the paper's", TestResultsFigure.Write(writer, dir, "test-results",
                $"Test accuracy and robustness ({compared?.Label ?? "not measured"}), {dataset}",
                tested.Select(m =>
                {
                    var paper = PaperReference.For(summary.Dataset, m.Model);
                    var robust = compared is null ? null : m.Attack(compared.Semantics)?.Accuracy;
                    return new ModelTestResult(m.Model.Key(), m.Test!.Accuracy, robust, paper?.TestAccuracy, paper?.Robustness);
                }).ToList()));
        }

        if (data is not null)
        {
            Add("Class distribution",
                ClassDistributionFigure.Write(writer, dir, "class-distribution", $"Class distribution per split, {dataset}", data.ClassNames,
                data.ClassCounts.Select(kv => new SplitClassCounts(kv.Key, kv.Value)).ToList()));
            Add("Sample images", SampleImagesFigure.Write(writer, dir, "samples", $"Sample images per split, {dataset} (before augmentation)",
                data.Samples.Select(kv => new SplitSamples(kv.Key,
                    Images(kv.Value).Select((image, i) => new LabeledImage(image, data.ClassNames[kv.Value.Labels[i]])).ToList())).ToList()));
            foreach (var model in models)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (predictions, features, labels) = Predict(model, data, cancellationToken);
                var tests = Images(data.Samples["test"]);
                var kind = model.Kind.Key();
                Add($"Sample predictions, {kind}",
                    SamplePredictionsFigure.Write(writer, dir, $"predictions-{kind}", $"Sample predictions, {kind}, {dataset} test set",
                    tests.Select((image, i) => new PredictedImage(image, data.ClassNames[data.Samples["test"].Labels[i]],
                        data.ClassNames[predictions[i]])).ToList()));
                var what = model.Kind switch
                {
                    ModelKind.Hybrid => "quantum layer outputs ⟨Z⟩",
                    ModelKind.Twin => "twin layer outputs",
                    _ => "penultimate layer",
                };
                Add($"Feature space, {kind}",
                    FeatureSpaceFigure.Write(writer, dir, $"feature-space-{kind}", $"Feature space, {kind} ({what}), {dataset} test set",
                    new FeatureSet(features, labels, data.ClassNames), new TsneOptions { Seed = 1 }, cancellationToken));
            }
        }

        if (execution is not null)
        {
            try
            {
                var circuit = execution.Circuit;
                var random = new Random(3);
                double[][] arguments = [Enumerable.Range(0, circuit.FeatureCount).Select(_ => random.NextDouble() * Math.PI).ToArray(),
                                        Enumerable.Range(0, circuit.WeightCount).Select(_ => random.NextDouble() * 2 * Math.PI).ToArray()];
                Add("Quantum circuit", DrawCircuit(
                    await runtime.CircuitDiagramAsync(circuit.Program, circuit.Operation, circuit.Qubits, arguments, cancellationToken), dir,
                    $"{circuit.Operation}: {circuit.Qubits} qubits (random angles), from the Q# compiler's circuit data"));
            }
            catch (QsharpException e)
            {
                logger.LogWarning("The circuit diagram could not be drawn: {Message}", e.Message);
            }
        }

        return figures;
    }

    public FigureFiles DrawCircuit(System.Text.Json.Nodes.JsonNode diagram, string directory, string title) =>
        CircuitDiagramFigure.Write(writer, directory, "circuit", title, CircuitJsonParser.Parse(diagram));

    private static List<ImagePixels> Images(SampleImages samples)
    {
        var size = samples.Channels * samples.Height * samples.Width;
        return Enumerable.Range(0, samples.Count)
            .Select(i => new ImagePixels(samples.Pixels.AsSpan(i * size, size).ToArray(), samples.Channels, samples.Height, samples.Width)).ToList();
    }

    /// <summary>Predictions for the first test images and embeddings of up to 1,000 test images.</summary>
    public static (int[] Predictions, double[][] Features, List<int> Labels) Predict(ImageClassifier model, ExperimentData data,
        CancellationToken cancellationToken)
    {
        model.eval();
        var predictions = new List<int>();
        var features = new List<double[]>();
        var labels = new List<int>();
        using var noGrad = no_grad();
        foreach (var (images, truth) in data.Test.Batches(0, 100, cancellationToken))
        {
            using var scope = NewDisposeScope();
            scope.Attach([images, truth]);
            if (predictions.Count < PredictionSamples)
            {
                predictions.AddRange(
                    model.forward(images).argmax(1).data<long>().ToArray().Take(PredictionSamples - predictions.Count).Select(p => (int)p));
            }

            var embedded = model.Embed(images).to(ScalarType.Float64);
            var width = (int)embedded.shape[1];
            var values = embedded.data<double>().ToArray();
            var y = truth.data<long>().ToArray();
            for (var i = 0; i < y.Length && features.Count < FeaturePoints; i++)
            {
                features.Add(values.AsSpan(i * width, width).ToArray());
                labels.Add((int)y[i]);
            }

            if (features.Count >= FeaturePoints)
            {
                break;
            }
        }

        return ([.. predictions], [.. features], labels);
    }
}
