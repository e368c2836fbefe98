using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// Exact, batched state-vector simulation of tapes: one tape, many circuits, each with its
/// own gate angles. Circuits are spread over the cores; each worker reuses one state
/// buffer, so the hot loop allocates nothing.
/// </summary>
public sealed class StateVectorSimulator
{
    private readonly int _maxDegreeOfParallelism;

    public StateVectorSimulator(int maxDegreeOfParallelism = -1)
    {
        _maxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
    }

    /// <summary>Registers up to this size run lane-batched (<see cref="StateBatch"/>); larger ones one state at a time.</summary>
    public const int MaxLaneBatchedQubits = 10;

    /// <summary>⟨Z_i⟩ for every circuit: <paramref name="expectations"/> is circuits × qubits.</summary>
    public void Expectations(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, Memory<double> expectations, CancellationToken cancellationToken = default)
    {
        Check(tape, angles.Length, circuits);
        if (expectations.Length != circuits * tape.Qubits)
        {
            throw new ArgumentException($"Expected room for {circuits} x {tape.Qubits} expectations.", nameof(expectations));
        }

        if (tape.Qubits <= MaxLaneBatchedQubits)
        {
            var lanes = StateBatch.LanesFor(tape.Qubits);
            var batches = (circuits + lanes - 1) / lanes;
            ForEachCircuit(batches, tape.Qubits + 6, () => new StateBatch(tape.Qubits, lanes), cancellationToken, (batch, b) =>
            {
                var first = b * lanes;
                var count = Math.Min(lanes, circuits - first);
                StateBatchKernels.Run(tape, angles.Span, first, circuits, batch);
                StateBatchKernels.ExpectationsZ(batch, count, expectations.Span.Slice(first * tape.Qubits, count * tape.Qubits), tape.Qubits);
            });
            return;
        }

        ForEachCircuit(circuits, tape.Qubits, () => new StateVector(tape.Qubits), cancellationToken, (state, c) =>
        {
            Run(tape, angles.Span.Slice(c * tape.AngleCount, tape.AngleCount), state);
            var row = expectations.Span.Slice(c * tape.Qubits, tape.Qubits);
            for (var q = 0; q < tape.Qubits; q++)
            {
                row[q] = state.ExpectationZ(q);
            }
        });
    }

    public double[] Expectations(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, CancellationToken cancellationToken = default)
    {
        var expectations = new double[circuits * tape.Qubits];
        Expectations(tape, angles, circuits, expectations, cancellationToken);
        return expectations;
    }

    /// <summary>The final state of one circuit.</summary>
    public StateVector State(CircuitTape tape, ReadOnlySpan<double> angles)
    {
        Check(tape, angles.Length, 1);
        var state = new StateVector(tape.Qubits);
        Run(tape, angles, state);
        return state;
    }

    /// <summary>Runs the tape from |0…0⟩ into <paramref name="state"/>.</summary>
    public static void Run(CircuitTape tape, ReadOnlySpan<double> angles, StateVector state)
    {
        state.SetZero();
        var gates = tape.Gates;
        for (var g = 0; g < gates.Count; g++)
        {
            var gate = gates[g];
            GateKernels.Apply(state, gate, gate.AngleIndex >= 0 ? angles[gate.AngleIndex] : 0);
        }
    }

    /// <summary>
    /// Calls <paramref name="body"/> for every item index, with scratch buffers owned by the
    /// calling worker; <paramref name="log2Work"/> is log2 of the amplitudes one item touches.
    /// </summary>
    public void ForEachCircuit<TScratch>(int circuits, int log2Work, Func<TScratch> createScratch, CancellationToken cancellationToken, Action<TScratch, int> body)
    {
        // Below a few thousand amplitudes per worker the fork costs more than it saves.
        var workers = Math.Min(_maxDegreeOfParallelism, Math.Max(1, Math.Min(circuits, (int)Math.Min(int.MaxValue, ((long)circuits << log2Work) / 4096))));
        if (workers <= 1)
        {
            var scratch = createScratch();
            for (var c = 0; c < circuits; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(scratch, c);
            }

            return;
        }

        var chunk = (circuits + workers - 1) / workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, w =>
        {
            var scratch = createScratch();
            var end = Math.Min(circuits, (w + 1) * chunk);
            for (var c = w * chunk; c < end; c++)
            {
                // Per circuit, not per worker: a worker's share of a large register can run for minutes.
                cancellationToken.ThrowIfCancellationRequested();
                body(scratch, c);
            }
        });
    }

    private static void Check(CircuitTape tape, int angleCount, int circuits)
    {
        tape.RequireZOnEachObservables("The native simulator");
        ArgumentOutOfRangeException.ThrowIfLessThan(circuits, 0);
        if (angleCount != circuits * tape.AngleCount)
        {
            throw new ArgumentException($"Expected {circuits} x {tape.AngleCount} gate angles, got {angleCount}.");
        }
    }
}
