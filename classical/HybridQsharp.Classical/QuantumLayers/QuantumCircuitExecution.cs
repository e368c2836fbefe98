using System.Diagnostics;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Memory;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// Everything a quantum layer needs to run its circuit, kept out of TorchSharp types: the tape
/// lifted from Q#, the backend that executes it and the method that differentiates it, which is
/// handed the backend on every call. Each part is replaceable on its own (tape, device and
/// gradient transform, as in PennyLane).
/// </summary>
public sealed class QuantumCircuitExecution
{
    /// <exception cref="NotSupportedException">The gradient method cannot run on the backend (adjoint needs a state-vector backend).</exception>
    public QuantumCircuitExecution(ClassifierCircuit circuit, CircuitTape tape, IQuantumBackend backend, IGradientMethod gradient)
    {
        if (tape.ParameterCount != circuit.ParameterCount || tape.Qubits != circuit.Qubits)
        {
            throw new ArgumentException($"The tape ({tape.Qubits} qubits, {tape.ParameterCount} parameters) " +
                $"does not belong to {circuit.Operation} ({circuit.Qubits} qubits, {circuit.ParameterCount} parameters).", nameof(tape));
        }

        if (!gradient.Supports(backend))
        {
            throw new NotSupportedException($"The {gradient.Name} gradient cannot run on the {backend.Name} backend: it needs the state vector, " +
                $"which only the native simulator exposes.");
        }

        Circuit = circuit;
        Tape = tape;
        Backend = backend;
        Gradient = gradient;
    }

    public ClassifierCircuit Circuit { get; }

    public CircuitTape Tape { get; }

    public IQuantumBackend Backend { get; }

    public IGradientMethod Gradient { get; }

    /// <summary>Where the layer's time goes: encoding, circuit forward, circuit backward.</summary>
    public QuantumPathTimings Timings { get; } = new();

    /// <summary>Wall time spent on the quantum path since creation (all threads): encoding and circuits.</summary>
    public TimeSpan Elapsed => Timings.Total;

    /// <summary>
    /// The most samples one backend or gradient call takes; a larger batch is split into calls of
    /// this many (parameter shift holds 1 + 2·rotations angle rows per sample, which for large
    /// registers outgrows memory long before the batch does). Null: sized on first use to half of
    /// <see cref="MemoryBudget"/> by <see cref="MemoryEstimate.CircuitsPerCall"/>.
    /// </summary>
    public int? MaxCircuitsPerCall { get; set; }

    /// <summary>What <see cref="MaxCircuitsPerCall"/> is sized from when not set.</summary>
    public MemoryBudget MemoryBudget { get; set; } = MemoryBudget.Default;

    /// <summary>
    /// Cancels circuit evaluation when the caller cannot pass a token (autograd calls the layer):
    /// the trainer sets it for the duration of a run, so Ctrl+C stops a long batch mid-way.
    /// </summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Sets <see cref="Cancellation"/> until the returned scope is disposed, then restores the previous token.</summary>
    public IDisposable CancelWith(CancellationToken cancellationToken)
    {
        var previous = Cancellation;
        Cancellation = cancellationToken;
        return new CancellationScope(this, previous);
    }

    /// <summary>Expectations of the tape's observables for <paramref name="circuits"/> rows of tape parameters (features then weights).</summary>
    public double[] Expectations(double[] parameters, int circuits, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var token = Token(cancellationToken);
            var chunk = CircuitsPerCall(circuits);
            if (chunk >= circuits)
            {
                return Wait(Backend.ExpectationsAsync(Tape, Tape.EvaluateAngles(parameters, circuits), circuits, token));
            }

            var (outputs, width) = (Tape.OutputCount, Tape.ParameterCount);
            var values = new double[circuits * outputs];
            for (var first = 0; first < circuits; first += chunk)
            {
                var count = Math.Min(chunk, circuits - first);
                var angles = Tape.EvaluateAngles(parameters.AsSpan(first * width, count * width), count);
                Wait(Backend.ExpectationsAsync(Tape, angles, count, token)).CopyTo(values, first * outputs);
            }

            return values;
        }
        finally
        {
            Timings.AddCircuitForward(start);
        }
    }

    /// <summary>
    /// Expectations and their Jacobian with respect to every tape parameter (timed as circuit forward: the layer asks for it there).
    /// </summary>
    public TapeJacobian Jacobian(double[] parameters, int circuits, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var token = Token(cancellationToken);
            var chunk = CircuitsPerCall(circuits);
            if (chunk >= circuits)
            {
                return Wait(Gradient.JacobianAsync(Tape, Backend, parameters, circuits, token));
            }

            var (outputs, width) = (Tape.OutputCount, Tape.ParameterCount);
            var values = new double[circuits * outputs];
            var jacobian = new double[circuits * outputs * width];
            for (var first = 0; first < circuits; first += chunk)
            {
                var count = Math.Min(chunk, circuits - first);
                var part = Wait(Gradient.JacobianAsync(Tape, Backend, parameters.AsMemory(first * width, count * width), count, token));
                part.Values.CopyTo(values, first * outputs);
                part.Jacobian.CopyTo(jacobian, first * outputs * width);
            }

            return new TapeJacobian(circuits, outputs, width, values, jacobian);
        }
        finally
        {
            Timings.AddCircuitForward(start);
        }
    }

    /// <summary>Per circuit, the gradient of Σ_o g[c, o] E_o with respect to the parameters (timed as circuit backward).</summary>
    public TapeVectorJacobianProduct VectorJacobianProduct(double[] parameters, double[] outputGradients, int circuits,
        CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var token = Token(cancellationToken);
            var chunk = CircuitsPerCall(circuits);
            if (chunk >= circuits)
            {
                return Wait(Gradient.VectorJacobianProductAsync(Tape, Backend, parameters, outputGradients, circuits, token));
            }

            var (outputs, width) = (Tape.OutputCount, Tape.ParameterCount);
            var values = new double[circuits * outputs];
            var gradients = new double[circuits * width];
            for (var first = 0; first < circuits; first += chunk)
            {
                var count = Math.Min(chunk, circuits - first);
                var part = Wait(Gradient.VectorJacobianProductAsync(Tape, Backend, parameters.AsMemory(first * width, count * width),
                    outputGradients.AsMemory(first * outputs, count * outputs), count, token));
                part.Values.CopyTo(values, first * outputs);
                part.ParameterGradients.CopyTo(gradients, first * width);
            }

            return new TapeVectorJacobianProduct(circuits, outputs, width, values, gradients);
        }
        finally
        {
            Timings.AddCircuitBackward(start);
        }
    }

    /// <summary>What running this tape with this backend and gradient costs for batches of <paramref name="batchSize"/>.</summary>
    public QuantumWorkload Workload(int batchSize) =>
        QuantumWorkload.ForTape(Tape, batchSize, Environment.ProcessorCount,
            Gradient is AdjointDifferentiation ? GradientKind.Adjoint : GradientKind.ParameterShift,
            Backend is QsharpBackend ? BackendKind.Qsharp : BackendKind.Native);

    private CancellationToken Token(CancellationToken cancellationToken) => cancellationToken.CanBeCanceled ? cancellationToken : Cancellation;

    private int CircuitsPerCall(int circuits)
    {
        if (MaxCircuitsPerCall is not { } max)
        {
            // Sized once for any batch (up to the largest TrainingOptions allows), not for this call's.
            var workload = Workload(65_536);
            max = MemoryEstimate.CircuitsPerCall(workload, MemoryBudget.Bytes / 2);
            if (max == 0)
            {
                throw new MemoryBudgetExceededException(
                    $"One sample of {Circuit.Operation} ({Tape.Qubits} qubits, {Tape.AngleCount:N0} rotations, {Gradient.Name}) needs about " +
                    $"{MemoryBudget.Format(MemoryEstimate.LayerCall(workload, 1))}, more than half the memory budget of {MemoryBudget}.");
            }

            MaxCircuitsPerCall = max;
        }

        return Math.Max(1, Math.Min(max, circuits));
    }

    private sealed class CancellationScope(QuantumCircuitExecution execution, CancellationToken previous) : IDisposable
    {
        public void Dispose() => execution.Cancellation = previous;
    }

    // Autograd calls are synchronous; the native backend completes synchronously and the Q#
    // backend's I/O has no synchronisation context to deadlock on in this process.
    private static T Wait<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
