using System.Numerics;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// Exact, batched state-vector simulation of tapes: one tape, many circuits, each with its own
/// gate angles; expectations of the tape's Pauli-string observables, and adjoint
/// differentiation (a Jacobian, or a vector-Jacobian product with one combined λ). Registers up
/// to <see cref="MaxLaneBatchedQubits"/> qubits run lane-batched gate by gate with permutations
/// folded away (<see cref="LaneProgram"/>); larger ones four circuits to a SIMD vector with gates
/// fused into two-qubit blocks and cache blocking (<see cref="FusedProgram"/>).
/// Work is spread over the cores when there is enough of it; each worker reuses its buffers, so
/// the hot loop allocates nothing.
/// </summary>
public sealed class StateVectorSimulator
{
    /// <summary>Registers up to this size run lane-batched (<see cref="StateBatch"/>); larger ones one state at a time.</summary>
    public const int MaxLaneBatchedQubits = 10;

    /// <summary>
    /// Amplitude updates per extra worker below which a call stays on the calling thread: about a
    /// quarter of a millisecond of simulation, below which waking a pool thread (which then competes
    /// with libtorch's threads during training) costs more than it saves. A training batch's forward
    /// run (64 circuits of the paper's tape, ~5·10⁴ updates) stays on the caller, and so does its
    /// parameter-shift Jacobian with shared prefixes (~6·10⁵; two workers measured no faster).
    /// </summary>
    public const long MinimumParallelWork = 1L << 20;

    private readonly int _maxDegreeOfParallelism;
    private readonly int _maxLaneBatchedQubits;

    /// <param name="maxDegreeOfParallelism">Workers at most (default: one per core).</param>
    /// <param name="maxLaneBatchedQubits">Registers up to this size run lane-batched, larger ones fused (tests and benchmarks move it to compare the
    /// layouts).</param>
    public StateVectorSimulator(int maxDegreeOfParallelism = -1, int maxLaneBatchedQubits = MaxLaneBatchedQubits)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLaneBatchedQubits, 12);
        _maxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        _maxLaneBatchedQubits = maxLaneBatchedQubits;
    }

    /// <summary>Expectations of the tape's observables for every circuit: <paramref name="expectations"/> is circuits × tape.OutputCount.</summary>
    public void Expectations(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, Memory<double> expectations,
        CancellationToken cancellationToken = default)
    {
        Check(tape, angles.Length, circuits);
        var outputs = tape.OutputCount;
        if (expectations.Length != circuits * outputs)
        {
            throw new ArgumentException($"Expected room for {circuits} x {outputs} expectations.", nameof(expectations));
        }

        if (tape.Qubits <= _maxLaneBatchedQubits)
        {
            var program = LaneProgram.For(tape);
            var lanes = StateBatch.LanesFor(tape.Qubits);
            var batches = (circuits + lanes - 1) / lanes;
            ForEach(batches, Work(tape, circuits), () => new LaneScratch(program, lanes, 0), cancellationToken, (scratch, b) =>
            {
                var first = b * lanes;
                var count = Math.Min(lanes, circuits - first);
                LaneKernels.LoadAngles(program, scratch, angles.Span, first, circuits);
                LaneKernels.Forward(program, scratch);
                LaneKernels.Expectations(program, scratch, count, expectations.Span.Slice(first * outputs, count * outputs));
            });
            return;
        }

        var fused = FusedProgram.For(tape);
        var groups = (circuits + FusedScratch.Lanes - 1) / FusedScratch.Lanes;
        ForEach(groups, Work(tape, circuits), () => new FusedScratch(fused, 0), cancellationToken, (scratch, g) =>
        {
            var first = g * FusedScratch.Lanes;
            var count = Math.Min(FusedScratch.Lanes, circuits - first);
            FusedSimulation.BuildMatrices(fused, scratch, angles.Span, first, count, adjoints: false);
            FusedSimulation.Forward(fused, scratch);
            FusedSimulation.Expectations(fused, scratch.Psi, count, expectations.Span.Slice(first * outputs, count * outputs));
        });
    }

    public double[] Expectations(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, CancellationToken cancellationToken = default)
    {
        var expectations = new double[circuits * tape.OutputCount];
        Expectations(tape, angles, circuits, expectations, cancellationToken);
        return expectations;
    }

    /// <summary>Whether <see cref="ShiftedExpectations"/> runs this tape: registers small enough to run lane-batched.</summary>
    public bool SharesShiftedPrefixes(CircuitTape tape) => tape.Qubits <= _maxLaneBatchedQubits;

    /// <summary>
    /// Parameter-shift expectations: for circuit c, row (c, 0) holds its expectations and rows (c, 1 + 2s) and (c, 2 + 2s)
    /// those with angle <paramref name="shiftedAngles"/>[s] moved by +<paramref name="shift"/> and -<paramref name="shift"/>;
    /// <paramref name="expectations"/> is circuits × (1 + 2·shifts) × outputs. The same numbers as <see cref="Expectations(CircuitTape,
    /// ReadOnlyMemory{double}, int, Memory{double}, CancellationToken)"/> on those rows, at about half the work: each shifted
    /// circuit branches off its unshifted one at the first gate that reads the shifted angle, instead of rerunning the prefix.
    /// </summary>
    /// <exception cref="NotSupportedException">The register is too large to run lane-batched (<see cref="SharesShiftedPrefixes"/>).</exception>
    public void ShiftedExpectations(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, ReadOnlySpan<int> shiftedAngles, double shift,
        Memory<double> expectations, CancellationToken cancellationToken = default)
    {
        Check(tape, angles.Length, circuits);
        if (!SharesShiftedPrefixes(tape))
        {
            throw new NotSupportedException($"Shared-prefix parameter shift runs registers up to {_maxLaneBatchedQubits} qubits, not {tape.Qubits}.");
        }

        var program = LaneProgram.For(tape);
        var plan = new ShiftPlan(program, shiftedAngles, shift);
        var outputs = tape.OutputCount;
        var perCircuit = plan.RowsPerCircuit * outputs;
        if (expectations.Length != circuits * perCircuit)
        {
            throw new ArgumentException($"Expected room for {circuits} x {plan.RowsPerCircuit} x {outputs} expectations.", nameof(expectations));
        }

        // A batch holds few circuits here (64 in training, each with its 46 shifts), so lanes are narrowed until every worker has one.
        var work = (long)circuits * plan.StepsPerCircuit << tape.Qubits;
        var workers = WorkersFor(int.MaxValue, work);
        var lanes = Math.Min(StateBatch.LanesFor(tape.Qubits), RoundUpToVector((circuits + workers - 1) / workers));
        var batches = (circuits + lanes - 1) / lanes;
        ForEach(batches, work, () => new LaneScratch(program, lanes, 0, plan.Angles.Length), cancellationToken, (scratch, b) =>
        {
            var first = b * lanes;
            var count = Math.Min(lanes, circuits - first);
            LaneKernels.ShiftedExpectations(program, scratch, plan, angles.Span, first, circuits,
                expectations.Span.Slice(first * perCircuit, count * perCircuit));
        });
    }

    private static int RoundUpToVector(int lanes) => Math.Max(1, (lanes + Vector<double>.Count - 1) / Vector<double>.Count) * Vector<double>.Count;

    /// <summary>
    /// Adjoint differentiation: values (circuits × outputs) and their derivatives with respect to
    /// every gate angle (circuits × outputs × angles; zero for angles that depend on no parameter).
    /// Costs about outputs + 2 passes over the state per gate.
    /// </summary>
    public void AdjointJacobian(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits, Memory<double> values, Memory<double> angleJacobian,
        CancellationToken cancellationToken = default)
    {
        Check(tape, angles.Length, circuits);
        var outputs = tape.OutputCount;
        var angleCount = tape.AngleCount;
        if (values.Length != circuits * outputs || angleJacobian.Length != circuits * outputs * angleCount)
        {
            throw new ArgumentException($"Expected room for {circuits} x {outputs} values and {circuits} x {outputs} x {angleCount} derivatives.");
        }

        if (tape.Qubits <= _maxLaneBatchedQubits)
        {
            var program = LaneProgram.For(tape);
            var lanes = StateBatch.LanesFor(tape.Qubits);
            var batches = (circuits + lanes - 1) / lanes;
            ForEach(batches, Work(tape, circuits) * (outputs + 2), () => new LaneScratch(program, lanes, outputs), cancellationToken, (scratch, b) =>
            {
                var first = b * lanes;
                var count = Math.Min(lanes, circuits - first);
                LaneKernels.LoadAngles(program, scratch, angles.Span, first, circuits);
                LaneKernels.Forward(program, scratch);
                LaneKernels.Expectations(program, scratch, count, values.Span.Slice(first * outputs, count * outputs));
                LaneKernels.InitialiseLambdas(program, scratch, ReadOnlySpan<double>.Empty, first, count);
                LaneKernels.Backward(program, scratch, outputs);
                var jacobian = angleJacobian.Span;
                for (var l = 0; l < count; l++)
                {
                    for (var o = 0; o < outputs; o++)
                    {
                        var row = jacobian.Slice((((first + l) * outputs) + o) * angleCount, angleCount);
                        for (var g = 0; g < angleCount; g++)
                        {
                            row[g] = scratch.Gradients[(((o * angleCount) + g) * lanes) + l];
                        }
                    }
                }
            });
            return;
        }

        var fused = FusedProgram.For(tape);
        var groups = (circuits + FusedScratch.Lanes - 1) / FusedScratch.Lanes;
        ForEach(groups, Work(tape, circuits) * (outputs + 2), () => new FusedScratch(fused, outputs), cancellationToken, (scratch, g) =>
        {
            var first = g * FusedScratch.Lanes;
            var count = Math.Min(FusedScratch.Lanes, circuits - first);
            FusedSimulation.BuildMatrices(fused, scratch, angles.Span, first, count, adjoints: true);
            FusedSimulation.Forward(fused, scratch);
            FusedSimulation.Expectations(fused, scratch.Psi, count, values.Span.Slice(first * outputs, count * outputs));
            FusedSimulation.InitialiseLambdas(fused, scratch, ReadOnlySpan<double>.Empty, first, count);
            var rows = new double[FusedScratch.Lanes * outputs * angleCount];
            FusedSimulation.Backward(fused, scratch, outputs, rows);
            rows.AsSpan(0, count * outputs * angleCount).CopyTo(angleJacobian.Span.Slice(first * outputs * angleCount));
        });
    }

    /// <summary>
    /// The vector-Jacobian product by adjoint differentiation with one combined λ = Σ_o g_o O_o|ψ⟩:
    /// angleGradients[c, g] = Σ_o outputGradients[c, o] · dE_o/dθ_g, at about three passes over the
    /// state per gate whatever the number of outputs. Also writes the values.
    /// </summary>
    public void AdjointVectorJacobianProduct(CircuitTape tape, ReadOnlyMemory<double> angles, ReadOnlyMemory<double> outputGradients, int circuits,
        Memory<double> values, Memory<double> angleGradients, CancellationToken cancellationToken = default)
    {
        Check(tape, angles.Length, circuits);
        var outputs = tape.OutputCount;
        var angleCount = tape.AngleCount;
        if (outputGradients.Length != circuits * outputs || values.Length != circuits * outputs || angleGradients.Length != circuits * angleCount)
        {
            throw new ArgumentException(
                $"Expected {circuits} x {outputs} output gradients and values and room for {circuits} x {angleCount} angle gradients.");
        }

        if (tape.Qubits <= _maxLaneBatchedQubits)
        {
            var program = LaneProgram.For(tape);
            var lanes = StateBatch.LanesFor(tape.Qubits);
            var batches = (circuits + lanes - 1) / lanes;
            ForEach(batches, Work(tape, circuits) * 4, () => new LaneScratch(program, lanes, 1), cancellationToken, (scratch, b) =>
            {
                var first = b * lanes;
                var count = Math.Min(lanes, circuits - first);
                LaneKernels.LoadAngles(program, scratch, angles.Span, first, circuits);
                LaneKernels.Forward(program, scratch);
                LaneKernels.Expectations(program, scratch, count, values.Span.Slice(first * outputs, count * outputs));
                LaneKernels.InitialiseLambdas(program, scratch, outputGradients.Span, first, count);
                LaneKernels.Backward(program, scratch, 1);
                var gradients = angleGradients.Span;
                for (var l = 0; l < count; l++)
                {
                    var row = gradients.Slice((first + l) * angleCount, angleCount);
                    for (var g = 0; g < angleCount; g++)
                    {
                        row[g] = scratch.Gradients[(g * lanes) + l];
                    }
                }
            });
            return;
        }

        var fused = FusedProgram.For(tape);
        var groups = (circuits + FusedScratch.Lanes - 1) / FusedScratch.Lanes;
        ForEach(groups, Work(tape, circuits) * 4, () => new FusedScratch(fused, 1), cancellationToken, (scratch, g) =>
        {
            var first = g * FusedScratch.Lanes;
            var count = Math.Min(FusedScratch.Lanes, circuits - first);
            FusedSimulation.BuildMatrices(fused, scratch, angles.Span, first, count, adjoints: true);
            FusedSimulation.Forward(fused, scratch);
            FusedSimulation.Expectations(fused, scratch.Psi, count, values.Span.Slice(first * outputs, count * outputs));
            FusedSimulation.InitialiseLambdas(fused, scratch, outputGradients.Span, first, count);
            var rows = new double[FusedScratch.Lanes * angleCount];
            FusedSimulation.Backward(fused, scratch, 1, rows);
            rows.AsSpan(0, count * angleCount).CopyTo(angleGradients.Span.Slice(first * angleCount));
        });
    }

    /// <summary>
    /// Passes over one circuit's state that a forward run of <paramref name="tape"/> makes: compiled
    /// steps (lane-batched) or fused blocks. Benchmarks divide by it.
    /// </summary>
    public int ForwardPasses(CircuitTape tape) =>
        tape.Qubits <= _maxLaneBatchedQubits ? LaneProgram.For(tape).Ops.Length : FusedProgram.For(tape).Blocks.Length;

    /// <summary>The final state of one circuit, gate by gate (the unfused reference path).</summary>
    public StateVector State(CircuitTape tape, ReadOnlySpan<double> angles)
    {
        Check(tape, angles.Length, 1);
        var state = new StateVector(tape.Qubits);
        Run(tape, angles, state);
        return state;
    }

    /// <summary>Runs the tape from |0…0⟩ into <paramref name="state"/> one gate at a time, without fusion.</summary>
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

    // Amplitude updates of one forward run of every circuit: gates × 2ⁿ each.
    private static long Work(CircuitTape tape, int circuits) => (long)circuits * Math.Max(1, tape.Gates.Count) << tape.Qubits;

    /// <summary>
    /// Calls <paramref name="body"/> for every item, with scratch buffers owned by the calling
    /// worker, on up to as many workers as there are cores when <paramref name="work"/> (amplitude
    /// updates in all) reaches <see cref="MinimumParallelWork"/> per extra worker.
    /// </summary>
    public void ForEach<TScratch>(int items, long work, Func<TScratch> createScratch, CancellationToken cancellationToken, Action<TScratch, int> body)
    {
        var workers = WorkersFor(items, work);
        if (workers <= 1)
        {
            var scratch = createScratch();
            for (var i = 0; i < items; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(scratch, i);
            }

            return;
        }

        // Items are handed out one at a time, so a slow worker (sharing its core) does not hold up the rest.
        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, _ =>
        {
            var scratch = createScratch();
            for (var i = Interlocked.Increment(ref next); i < items; i = Interlocked.Increment(ref next))
            {
                // Per circuit, not per worker: a worker's share of a large register can run for minutes.
                cancellationToken.ThrowIfCancellationRequested();
                body(scratch, i);
            }
        });
    }

    // Up to one worker per core, one per MinimumParallelWork amplitude updates, and no more than there are items.
    private int WorkersFor(int items, long work) => (int)Math.Min(Math.Min(_maxDegreeOfParallelism, items), Math.Max(1, work / MinimumParallelWork));

    private static void Check(CircuitTape tape, int angleCount, int circuits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(circuits, 0);
        if (angleCount != circuits * tape.AngleCount)
        {
            throw new ArgumentException($"Expected {circuits} x {tape.AngleCount} gate angles, got {angleCount}.");
        }
    }
}
