using System.Diagnostics;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
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
            throw new ArgumentException($"The tape ({tape.Qubits} qubits, {tape.ParameterCount} parameters) does not belong to {circuit.Operation} ({circuit.Qubits} qubits, {circuit.ParameterCount} parameters).", nameof(tape));
        if (!gradient.Supports(backend))
            throw new NotSupportedException($"The {gradient.Name} gradient cannot run on the {backend.Name} backend: it needs the state vector, which only the native simulator exposes.");
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

    /// <summary>Expectations of the tape's observables for <paramref name="circuits"/> rows of tape parameters (features then weights).</summary>
    public double[] Expectations(double[] parameters, int circuits, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var angles = Tape.EvaluateAngles(parameters, circuits);
            return Wait(Backend.ExpectationsAsync(Tape, angles, circuits, cancellationToken));
        }
        finally
        {
            Timings.AddCircuitForward(start);
        }
    }

    /// <summary>Expectations and their Jacobian with respect to every tape parameter (timed as circuit forward: the layer asks for it there).</summary>
    public TapeJacobian Jacobian(double[] parameters, int circuits, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return Wait(Gradient.JacobianAsync(Tape, Backend, parameters, circuits, cancellationToken));
        }
        finally
        {
            Timings.AddCircuitForward(start);
        }
    }

    /// <summary>Per circuit, the gradient of Σ_o g[c, o] E_o with respect to the parameters (timed as circuit backward).</summary>
    public TapeVectorJacobianProduct VectorJacobianProduct(double[] parameters, double[] outputGradients, int circuits, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return Wait(Gradient.VectorJacobianProductAsync(Tape, Backend, parameters, outputGradients, circuits, cancellationToken));
        }
        finally
        {
            Timings.AddCircuitBackward(start);
        }
    }

    // Autograd calls are synchronous; the native backend completes synchronously and the Q#
    // backend's I/O has no synchronisation context to deadlock on in this process.
    private static T Wait<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
