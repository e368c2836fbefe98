using System.Diagnostics;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// Everything a quantum layer needs to run its circuit, kept out of TorchSharp types: the tape
/// lifted from Q#, the backend that executes it and the method that differentiates it. Each
/// part is replaceable on its own (tape, device and gradient transform, as in PennyLane).
/// </summary>
public sealed class QuantumCircuitExecution
{
    private long elapsedTicks;

    public QuantumCircuitExecution(ClassifierCircuit circuit, CircuitTape tape, IQuantumBackend backend, IGradientMethod gradient)
    {
        if (tape.ParameterCount != circuit.ParameterCount || tape.Qubits != circuit.Qubits)
            throw new ArgumentException($"The tape ({tape.Qubits} qubits, {tape.ParameterCount} parameters) does not belong to {circuit.Operation} ({circuit.Qubits} qubits, {circuit.ParameterCount} parameters).", nameof(tape));
        Circuit = circuit;
        Tape = tape;
        Backend = backend;
        Gradient = gradient;
    }

    public ClassifierCircuit Circuit { get; }

    public CircuitTape Tape { get; }

    public IQuantumBackend Backend { get; }

    public IGradientMethod Gradient { get; }

    /// <summary>Wall time spent in circuit evaluation and differentiation since creation (all threads).</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref elapsedTicks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    /// <summary>⟨Z_i⟩ for <paramref name="circuits"/> rows of tape parameters (features then weights).</summary>
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
            Interlocked.Add(ref elapsedTicks, Stopwatch.GetTimestamp() - start);
        }
    }

    /// <summary>⟨Z_i⟩ and their Jacobian with respect to every tape parameter.</summary>
    public TapeJacobian Jacobian(double[] parameters, int circuits, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return Wait(Gradient.JacobianAsync(Tape, parameters, circuits, cancellationToken));
        }
        finally
        {
            Interlocked.Add(ref elapsedTicks, Stopwatch.GetTimestamp() - start);
        }
    }

    // Autograd calls are synchronous; the native backend completes synchronously and the Q#
    // backend's I/O has no synchronisation context to deadlock on in this process.
    private static T Wait<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
