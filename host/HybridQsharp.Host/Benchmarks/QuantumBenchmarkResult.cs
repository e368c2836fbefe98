using System.Text.Json.Serialization;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>Throughput of one circuit at one batch size on both simulators.</summary>
public sealed record BatchMeasurement(
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("native_circuits_per_s")] double NativeCircuitsPerSecond,
    [property: JsonPropertyName("qsharp_circuits_per_s")] double QsharpCircuitsPerSecond,
    [property: JsonPropertyName("qsharp_circuits_measured")] int QsharpCircuitsMeasured,
    [property: JsonPropertyName("speedup")] double Speedup);

/// <summary>Everything measured for one circuit; the top-level numbers are those of the largest batch.</summary>
public sealed record CircuitMeasurement(
    [property: JsonPropertyName("circuit")] string Circuit,
    [property: JsonPropertyName("qubits")] int Qubits,
    [property: JsonPropertyName("gates")] int Gates,
    [property: JsonPropertyName("parametric_gates")] int ParametricGates,
    [property: JsonPropertyName("native_circuits_per_s")] double NativeCircuitsPerSecond,
    [property: JsonPropertyName("qsharp_circuits_per_s")] double QsharpCircuitsPerSecond,
    [property: JsonPropertyName("speedup")] double Speedup,
    [property: JsonPropertyName("max_abs_diff")] double MaxAbsDiff,
    [property: JsonPropertyName("param_shift_backward_ms_batch64")] double ParameterShiftBackwardMsBatch64,
    [property: JsonPropertyName("adjoint_backward_ms_batch64")] double AdjointBackwardMsBatch64,
    [property: JsonPropertyName("batches")] IReadOnlyList<BatchMeasurement> Batches);

/// <summary>The Q# runtime's cost per circuit of exact runs at several batch sizes (one request each).</summary>
public sealed record RuntimeBatchCost(
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("request_ms")] double RequestMilliseconds,
    [property: JsonPropertyName("per_circuit_us")] double PerCircuitMicroseconds);

public sealed record QuantumBenchmarkResult(
    [property: JsonPropertyName("paper")] CircuitMeasurement Paper,
    [property: JsonPropertyName("scaling")] IReadOnlyList<CircuitMeasurement> Scaling,
    [property: JsonPropertyName("qsharp_runtime")] IReadOnlyList<RuntimeBatchCost> QsharpRuntime,
    [property: JsonPropertyName("environment")] IReadOnlyDictionary<string, string> Environment);
