using System.Runtime.CompilerServices;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// A tape compiled for the simulation of larger registers (four circuits side by side): gates fused into
/// blocks of at most two qubits (adjacent one-qubit gates merge, and runs on two qubits become
/// one 4×4 matrix), and consecutive blocks that touch only bits below <see cref="ChunkBits"/>
/// grouped into stages that run chunk by chunk, so a chunk stays in cache while every block of
/// the stage passes over it (cache blocking).
/// </summary>
internal sealed class FusedProgram
{
    /// <summary>Rows per cache chunk, as a power of two: 2¹¹ rows of four lanes of ψ and λ (re, im) are 256 KB, half a core's L2 here.</summary>
    public const int ChunkBits = 11;

    private const int MaxFusedQubits = 2;

    private static readonly ConditionalWeakTable<CircuitTape, FusedProgram> Cache = new();

    private FusedProgram(int qubits, int angleCount, FusedBlock[] blocks, IReadOnlyList<PauliMasks> observables, bool zOnEach)
    {
        Qubits = qubits;
        AngleCount = angleCount;
        Blocks = blocks;
        Observables = observables;
        ZOnEach = zOnEach;
        var stages = new List<Stage>();
        for (var b = 0; b < blocks.Length;)
        {
            var end = b;
            while (end < blocks.Length && blocks[end].HighestBit < ChunkBits)
            {
                end++;
            }

            if (end > b)
            {
                stages.Add(new Stage(b, end, Chunked: qubits > ChunkBits));
                b = end;
            }
            else
            {
                stages.Add(new Stage(b, b + 1, Chunked: false));
                b++;
            }
        }

        Stages = stages.ToArray();
    }

    public int Qubits { get; }

    public int AngleCount { get; }

    public FusedBlock[] Blocks { get; }

    /// <summary>Runs of blocks: chunked ones apply all their blocks to one cache chunk before the next.</summary>
    public Stage[] Stages { get; }

    public IReadOnlyList<PauliMasks> Observables { get; }

    public bool ZOnEach { get; }

    public static FusedProgram For(CircuitTape tape) => Cache.GetValue(tape, Compile);

    private static FusedProgram Compile(CircuitTape tape)
    {
        var groups = Fuse(tape);
        var n = tape.Qubits;
        var blocks = groups.Select(g => Block(tape, g.Qubits, g.Gates)).ToArray();
        var observables = tape.Observables.Select(o => PauliMasks.Of(o, n)).ToArray();
        return new FusedProgram(n, tape.AngleCount, blocks, observables, tape.HasZOnEachObservables);
    }

    /// <summary>
    /// Greedy fusion: a gate joins the latest block that touches any of its qubits when the union
    /// stays within two qubits (every earlier block on its other qubits comes before, so moving it
    /// there keeps the order of non-commuting gates); then each one-qubit block is merged into the start
    /// of the next block on its qubit, which has room by construction.
    /// </summary>
    private static List<(List<int> Qubits, List<TapeGate> Gates)> Fuse(CircuitTape tape)
    {
        var groups = new List<(List<int> Qubits, List<TapeGate> Gates)>();
        var latest = Enumerable.Repeat(-1, tape.Qubits).ToArray();
        foreach (var gate in tape.Gates)
        {
            var qubits = QubitsOf(gate);
            var candidate = qubits.Max(q => latest[q]);
            if (candidate >= 0 && groups[candidate].Qubits.Union(qubits).Count() <= MaxFusedQubits)
            {
                groups[candidate].Qubits.AddRange(qubits.Except(groups[candidate].Qubits));
                groups[candidate].Gates.Add(gate);
            }
            else
            {
                candidate = groups.Count;
                groups.Add(([.. qubits], [gate]));
            }

            foreach (var q in qubits)
            {
                latest[q] = candidate;
            }
        }

        for (var b = groups.Count - 1; b >= 0; b--)
        {
            if (groups[b].Qubits.Count != 1)
            {
                continue;
            }

            var qubit = groups[b].Qubits[0];
            var next = groups.FindIndex(b + 1, g => g.Qubits.Contains(qubit));
            // No block in between touches the qubit, so the gates can move to the start of the next one.
            if (next >= 0)
            {
                groups[next].Gates.InsertRange(0, groups[b].Gates);
                groups.RemoveAt(b);
            }
        }

        return groups;
    }

    private static int[] QubitsOf(TapeGate gate) => new[] { gate.Qubit0, gate.Qubit1, gate.Qubit2 }.Take(gate.Kind.QubitCount()).ToArray();

    private static FusedBlock Block(CircuitTape tape, List<int> qubits, List<TapeGate> gates)
    {
        var n = tape.Qubits;
        // Local qubit 0 is the highest state bit, i.e. the lowest qubit index (big-endian).
        var ordered = qubits.OrderBy(q => q).ToArray();
        var local = new Dictionary<int, int>();
        for (var i = 0; i < ordered.Length; i++)
        {
            local[ordered[i]] = i;
        }

        int Map(int q) => q < 0 ? -1 : local[q];
        var actions = new List<GateAction>();
        foreach (var gate in gates)
        {
            var localGate = gate with { Qubit0 = Map(gate.Qubit0), Qubit1 = Map(gate.Qubit1), Qubit2 = Map(gate.Qubit2) };
            var matrix = new SmallMatrix(ordered.Length);
            matrix.SetIdentity();
            if (gate.Kind.IsRotation())
            {
                matrix.LeftMultiply(localGate, 0, generator: true);
                actions.Add(new GateAction(gate.AngleIndex, Monomial.Of(matrix), null));
            }
            else
            {
                matrix.LeftMultiply(localGate, 0);
                actions.Add(new GateAction(-1, null, matrix));
            }
        }

        var differentiable = gates.Select(g => g.AngleIndex >= 0 && !tape.Angles[g.AngleIndex].IsConstant).ToArray();
        var bits = ordered.Select(q => n - 1 - q).ToArray();
        SmallMatrix? constant = null;
        if (gates.All(g => g.AngleIndex < 0))
        {
            constant = new SmallMatrix(ordered.Length);
            constant.SetIdentity();
            var work = new SmallMatrix(ordered.Length);
            foreach (var action in actions)
            {
                action.LeftMultiply(constant, 0, work);
            }
        }

        return new FusedBlock(bits, actions.ToArray(), differentiable, constant);
    }

    /// <summary>Blocks [Start, End) of <see cref="Blocks"/>; chunked stages run chunk by chunk.</summary>
    internal readonly record struct Stage(int Start, int End, bool Chunked);
}
