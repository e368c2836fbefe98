using HybridQsharp.Host.Experiments;
using HybridQsharp.Quantum.Qsharp;
using static TorchSharp.torch;

namespace HybridQsharp.Host.Inference;

/// <summary>
/// Runs a trained hybrid's quantum part on chosen backends: the CNN and reducer run classically,
/// the encoding angles and trained weights are bound into the Q# classifier, ⟨Z_i⟩ come from the
/// backend (exact native, exact Q# simulator, or Q# shots with optional noise), and the
/// classical head turns them into predictions.
/// </summary>
public sealed class HybridInference(QsharpRuntime runtime)
{
    /// <summary>Exact ⟨Z_i⟩ from the training backend (the native simulator unless configured otherwise).</summary>
    public static InferenceOutcome Exact(TrainedRun trained, IReadOnlyList<CircuitSample> samples)
    {
        var qubits = trained.HybridExecution.Circuit.Qubits;
        var flat = trained.HybridExecution.Expectations(samples.SelectMany(s => s.Parameters).ToArray(), samples.Count);
        var z = Enumerable.Range(0, samples.Count).Select(s => flat.AsSpan(s * qubits, qubits).ToArray()).ToArray();
        return Outcome($"exact ({trained.HybridExecution.Backend.Name})", trained, samples, z, null);
    }

    /// <summary>Exact ⟨Z_i⟩ computed by the Q# simulator running the original Q# operation.</summary>
    public async Task<InferenceOutcome> QsharpExactAsync(TrainedRun trained, IReadOnlyList<CircuitSample> samples,
        CancellationToken cancellationToken)
    {
        var circuit = trained.HybridExecution.Circuit;
        var result = await runtime.ExpectationsAsync(circuit.Program, circuit.Operation, circuit.Qubits, samples.Select(s => s.Arguments).ToList(),
            cancellationToken: cancellationToken);
        return Outcome("qsharp (exact)", trained, samples, result.Expectations, null);
    }

    /// <summary>⟨Z_i⟩ estimated from <paramref name="shots"/> measurements on the Q# simulator, optionally with Pauli noise.</summary>
    public async Task<InferenceOutcome> ShotsAsync(TrainedRun trained, IReadOnlyList<CircuitSample> samples, int shots, PauliNoise? noise,
        CancellationToken cancellationToken)
    {
        var circuit = trained.HybridExecution.Circuit;
        var histograms = await runtime.SampleAsync(circuit.Program, circuit.Operation, circuit.Qubits, samples.Select(s => s.Arguments).ToList(),
            shots, noise, cancellationToken);
        var estimates = histograms.Select(h => ShotEstimates.FromHistogram(h, circuit.Qubits)).ToArray();
        var label = noise is { } n ? $"qsharp-shots {shots}, noise X {n.X:G3} Y {n.Y:G3} Z {n.Z:G3}" : $"qsharp-shots {shots}";
        return Outcome(label, trained, samples, estimates.Select(e => e.Expectations).ToArray(), estimates.Select(e => e.StandardErrors).ToArray());
    }

    /// <summary>The head's predictions for given ⟨Z_i⟩ rows.</summary>
    public static InferenceOutcome Outcome(string backend, TrainedRun trained, IReadOnlyList<CircuitSample> samples, double[][] expectations,
        double[][]? standardErrors)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var z = tensor(expectations.SelectMany(r => r).Select(v => (float)v).ToArray(), [expectations.Length, expectations[0].Length]);
        var predictions = trained.Hybrid.Classify(z).argmax(1).data<long>().ToArray().Select(p => (int)p).ToArray();
        var accuracy = predictions.Zip(samples).Count(p => p.First == p.Second.Label) / (double)Math.Max(1, samples.Count);
        return new InferenceOutcome(backend, expectations, standardErrors, predictions, accuracy);
    }
}
