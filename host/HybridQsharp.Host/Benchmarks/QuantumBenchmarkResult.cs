using System.Text.Json.Serialization;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>Throughput of one circuit at one batch size on both simulators.</summary>
public sealed record BatchMeasurement(
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("native_circuits_per_s")] double NativeCircuitsPerSecond,
    [property: JsonPropertyName("qsharp_circuits_per_s")] double QsharpCircuitsPerSecond,
    [property: JsonPropertyName("qsharp_circuits_measured")] int QsharpCircuitsMeasured,
    [property: JsonPropertyName("speedup")] double Speedup);

/// <summary>
/// Everything measured for one circuit; the top-level throughput is that of the largest batch.
/// Backward times are for a batch of 64: parameter shift and adjoint as full Jacobians, adjoint
/// also as the vector-Jacobian product training uses (forward values, then one combined λ).
/// Roofline fractions compare the passes each kernel makes over the state with a streaming pass
/// over a state of the same size on all cores (<see cref="StreamingRoofline"/>).
/// </summary>
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
    [property: JsonPropertyName("adjoint_vjp_ms_batch64")] double AdjointVectorJacobianProductMsBatch64,
    [property: JsonPropertyName("param_shift_circuits_measured")] int ParameterShiftCircuitsMeasured,
    [property: JsonPropertyName("layout")] string Layout,
    [property: JsonPropertyName("forward_passes")] int ForwardPasses,
    [property: JsonPropertyName("roofline_amplitudes_per_s")] double RooflineAmplitudesPerSecond,
    [property: JsonPropertyName("roofline_fraction")] double RooflineFraction,
    [property: JsonPropertyName("roofline_fraction_adjoint_vjp")] double RooflineFractionAdjointVectorJacobianProduct,
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
