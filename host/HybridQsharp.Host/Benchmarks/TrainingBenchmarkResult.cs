using System.Text.Json.Serialization;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>One model's measured training batches, projected to a full MNIST epoch.</summary>
public sealed record ModelTrainingMeasurement(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("batches_measured")] int BatchesMeasured,
    [property: JsonPropertyName("batch_ms_median")] double BatchMillisecondsMedian,
    [property: JsonPropertyName("data_ms_median")] double DataMillisecondsMedian,
    [property: JsonPropertyName("quantum_ms_median")] double QuantumMillisecondsMedian,
    [property: JsonPropertyName("epoch_s")] double EpochSeconds,
    [property: JsonPropertyName("quantum_share")] double QuantumShare,
    [property: JsonPropertyName("data_share")] double DataShare);

/// <summary>`bench training --json`: the hybrid and classical MNIST epoch projected from measured batches.</summary>
public sealed record TrainingBenchmarkResult(
    [property: JsonPropertyName("hybrid_epoch_s")] double HybridEpochSeconds,
    [property: JsonPropertyName("classical_epoch_s")] double ClassicalEpochSeconds,
    [property: JsonPropertyName("quantum_share")] double QuantumShare,
    [property: JsonPropertyName("data_share")] double DataShare,
    [property: JsonPropertyName("batches_per_epoch")] int BatchesPerEpoch,
    [property: JsonPropertyName("batch_size")] int BatchSize,
    [property: JsonPropertyName("gradient")] string Gradient,
    [property: JsonPropertyName("models")] IReadOnlyList<ModelTrainingMeasurement> Models,
    [property: JsonPropertyName("environment")] IReadOnlyDictionary<string, string> Environment);
