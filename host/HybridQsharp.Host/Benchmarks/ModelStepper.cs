using System.Diagnostics;
using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Training;
using static TorchSharp.torch;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>
/// One model training on its own stream of MNIST batches with the paper's recipe, a step at a
/// time, so the benchmark can interleave models: each step is timed and split into phases.
/// </summary>
public sealed class ModelStepper : IDisposable
{
    private readonly ModelRecipe _recipe;
    private readonly optim.Optimizer _optimizer;
    private readonly IEnumerator<(Tensor Images, Tensor Labels)> _batches;
    private readonly QuantumCircuitExecution? _execution;
    private long _step;

    public ModelStepper(ImageClassifier model, QuantumCircuitExecution? execution, IBatchStream train, long totalSteps,
        CancellationToken cancellationToken)
    {
        Model = model;
        _execution = execution;
        _recipe = ModelRecipe.For(model.Kind, totalSteps);
        _optimizer = _recipe.CreateOptimizer(model.parameters());
        _batches = train.Batches(0, 64, cancellationToken).GetEnumerator();
        model.train();
    }

    public ImageClassifier Model { get; }

    public List<StepTimes> Measured { get; } = [];

    /// <summary>Runs one step; keeps its times unless <paramref name="warmUp"/>.</summary>
    public void Step(bool warmUp)
    {
        var start = Stopwatch.GetTimestamp();
        if (!_batches.MoveNext())
        {
            throw new InvalidOperationException($"The benchmark ran out of MNIST training batches for the {Model.Kind} model.");
        }

        var (images, labels) = _batches.Current;
        var loaded = Stopwatch.GetTimestamp();
        var timings = _execution?.Timings;
        var (encoding, circuitForward, circuitBackward) =
            (timings?.Encoding ?? default, timings?.CircuitForward ?? default, timings?.CircuitBackward ?? default);
        long forwarded, backwarded;
        using (var scope = NewDisposeScope())
        {
            _recipe.Apply(_optimizer, _step++);
            _optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(Model.forward(images), labels, label_smoothing: 0.1);
            forwarded = Stopwatch.GetTimestamp();
            loss.backward();
            backwarded = Stopwatch.GetTimestamp();
            if (_recipe.ClipNorm is { } clip)
            {
                nn.utils.clip_grad_norm_(Model.parameters(), clip);
            }

            _optimizer.step();
            _ = loss.item<float>();
        }

        images.Dispose();
        labels.Dispose();
        var end = Stopwatch.GetTimestamp();
        if (warmUp)
        {
            return;
        }

        Measured.Add(new StepTimes(
            Ms(start, end), Ms(start, loaded), Ms(loaded, forwarded), Ms(forwarded, backwarded), Ms(backwarded, end),
            ((timings?.Encoding ?? default) - encoding).TotalMilliseconds,
            ((timings?.CircuitForward ?? default) - circuitForward).TotalMilliseconds,
            ((timings?.CircuitBackward ?? default) - circuitBackward).TotalMilliseconds));
    }

    public void Dispose()
    {
        _batches.Dispose();
        _optimizer.Dispose();
        Model.Dispose();
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
