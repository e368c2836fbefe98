using System.Text.Json.Serialization;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>One model's measured training steps (medians unless named otherwise), projected to a full MNIST epoch.</summary>
public sealed record ModelTrainingMeasurement(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("batches_measured")] int BatchesMeasured,
    [property: JsonPropertyName("batch_ms_median")] double BatchMillisecondsMedian,
    [property: JsonPropertyName("batch_ms_min")] double BatchMillisecondsMin,
    [property: JsonPropertyName("batch_ms_p10")] double BatchMillisecondsP10,
    [property: JsonPropertyName("batch_ms_p90")] double BatchMillisecondsP90,
    [property: JsonPropertyName("batch_ms_max")] double BatchMillisecondsMax,
    [property: JsonPropertyName("round_medians_ms")] IReadOnlyList<double> RoundMediansMilliseconds,
    [property: JsonPropertyName("data_ms_median")] double DataMillisecondsMedian,
    [property: JsonPropertyName("forward_ms_median")] double ForwardMillisecondsMedian,
    [property: JsonPropertyName("backward_ms_median")] double BackwardMillisecondsMedian,
    [property: JsonPropertyName("optimizer_ms_median")] double OptimizerMillisecondsMedian,
    [property: JsonPropertyName("quantum_ms_median")] double QuantumMillisecondsMedian,
    [property: JsonPropertyName("encoding_ms_median")] double EncodingMillisecondsMedian,
    [property: JsonPropertyName("circuit_forward_ms_median")] double CircuitForwardMillisecondsMedian,
    [property: JsonPropertyName("circuit_backward_ms_median")] double CircuitBackwardMillisecondsMedian,
    [property: JsonPropertyName("epoch_s")] double EpochSeconds,
    [property: JsonPropertyName("quantum_share")] double QuantumShare,
    [property: JsonPropertyName("data_share")] double DataShare);

/// <summary>
/// `bench training --json`: hybrid, twin and classical timed in interleaved rounds of one run, projected to the MNIST epoch.
/// <see cref="HybridTwinRatioPaired"/> is the median over rounds of the two models' round medians' ratio: each ratio compares
/// steps run moments apart, so a slow spell of the shared machine cancels out of it.
/// </summary>
public sealed record TrainingBenchmarkResult(
    [property: JsonPropertyName("hybrid_epoch_s")] double HybridEpochSeconds,
    [property: JsonPropertyName("twin_epoch_s")] double TwinEpochSeconds,
    [property: JsonPropertyName("classical_epoch_s")] double ClassicalEpochSeconds,
    [property: JsonPropertyName("hybrid_twin_ratio")] double HybridTwinRatio,
    [property: JsonPropertyName("hybrid_classical_ratio")] double HybridClassicalRatio,
    [property: JsonPropertyName("hybrid_twin_ratio_paired")] double HybridTwinRatioPaired,
    [property: JsonPropertyName("quantum_share")] double QuantumShare,
    [property: JsonPropertyName("data_share")] double DataShare,
    [property: JsonPropertyName("quantum_layer_alone_ms")] double QuantumLayerAloneMilliseconds,
    [property: JsonPropertyName("batches_per_epoch")] int BatchesPerEpoch,
    [property: JsonPropertyName("batch_size")] int BatchSize,
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("warm_up_batches")] int WarmUpBatches,
    [property: JsonPropertyName("gradient")] string Gradient,
    [property: JsonPropertyName("threading")] IReadOnlyDictionary<string, string> Threading,
    [property: JsonPropertyName("models")] IReadOnlyList<ModelTrainingMeasurement> Models,
    [property: JsonPropertyName("environment")] IReadOnlyDictionary<string, string> Environment);
