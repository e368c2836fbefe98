using System.Runtime.CompilerServices;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// A tape compiled once for the lane-batched layout (<see cref="StateBatch"/>): each gate's
/// amplitude pairs are resolved to physical rows ahead of time, so the kernels do no index
/// arithmetic, and permutation gates (X, CX, CCX, SWAP) cost nothing at run time: they only
/// renumber rows, which is folded into the pairs of every later step and into the observables.
/// Steps that act while the state is still real (from |0…0⟩, only RY, H, Z, CZ and
/// permutations keep it real, e.g. an amplitude-encoding tree) are marked so the forward run
/// skips the imaginary part.
/// </summary>
internal sealed class LaneProgram
{
    private static readonly ConditionalWeakTable<CircuitTape, LaneProgram> Cache = new();

    private LaneProgram(int qubits, int angleCount, LaneOp[] ops, int[] rowOf, IReadOnlyList<PauliMasks> observables, bool zOnEach)
    {
        Qubits = qubits;
        AngleCount = angleCount;
        Ops = ops;
        RowOf = rowOf;
        Observables = observables;
        ZOnEach = zOnEach;
        Dimension = 1 << qubits;
        var rowSigns = new double[observables.Count * Dimension];
        for (var o = 0; o < observables.Count; o++)
        {
            for (var i = 0; i < Dimension; i++)
            {
                rowSigns[(o * Dimension) + rowOf[i]] = observables[o].SignAt(i);
            }
        }

        RowSigns = rowSigns;
        AllDiagonal = observables.All(o => o.IsDiagonal);
    }

    public int Qubits { get; }

    public int Dimension { get; }

    public int AngleCount { get; }

    public LaneOp[] Ops { get; }

    /// <summary>The physical row holding logical basis state i after the last step.</summary>
    public int[] RowOf { get; }

    public IReadOnlyList<PauliMasks> Observables { get; }

    public bool ZOnEach { get; }

    public bool AllDiagonal { get; }

    /// <summary>For diagonal observables: the sign of observable o on physical row r, at [o * Dimension + r].</summary>
    public double[] RowSigns { get; }

    public static LaneProgram For(CircuitTape tape) => Cache.GetValue(tape, Compile);

    private static LaneProgram Compile(CircuitTape tape)
    {
        var n = tape.Qubits;
        var dimension = 1 << n;
        var rowOf = Enumerable.Range(0, dimension).ToArray();
        var ops = new List<LaneOp>();
        var real = true;
        int Mask(int qubit) => 1 << (n - 1 - qubit);

        foreach (var gate in tape.Gates)
        {
            switch (gate.Kind)
            {
                case GateKind.X:
                    rowOf = Permuted(rowOf, i => i ^ Mask(gate.Qubit0));
                    continue;
                case GateKind.CX:
                    rowOf = Permuted(rowOf, i => (i & Mask(gate.Qubit0)) != 0 ? i ^ Mask(gate.Qubit1) : i);
                    continue;
                case GateKind.CCX:
                    var controls = Mask(gate.Qubit0) | Mask(gate.Qubit1);
                    rowOf = Permuted(rowOf, i => (i & controls) == controls ? i ^ Mask(gate.Qubit2) : i);
                    continue;
                case GateKind.Swap:
                    int a = Mask(gate.Qubit0), b = Mask(gate.Qubit1);
                    rowOf = Permuted(rowOf, i => ((i & a) != 0) == ((i & b) != 0) ? i : i ^ a ^ b);
                    continue;
            }

            var differentiable = gate.AngleIndex >= 0 && !tape.Angles[gate.AngleIndex].IsConstant;
            switch (gate.Kind)
            {
                case GateKind.Rx or GateKind.Ry or GateKind.Rz:
                {
                    real &= gate.Kind == GateKind.Ry;
                    var kind = gate.Kind switch { GateKind.Rx => LaneOpKind.Rx, GateKind.Ry => LaneOpKind.Ry, _ => LaneOpKind.Rz };
                    ops.Add(new LaneOp(kind, gate.AngleIndex, differentiable, real, Pairs(rowOf, Mask(gate.Qubit0), 0)));
                    break;
                }

                case GateKind.Rxx or GateKind.Ryy or GateKind.Rzz:
                {
                    real = false;
                    var kind = gate.Kind switch { GateKind.Rxx => LaneOpKind.Rxx, GateKind.Ryy => LaneOpKind.Ryy, _ => LaneOpKind.Rzz };
                    ops.Add(new LaneOp(kind, gate.AngleIndex, differentiable, real, Quads(rowOf, Mask(gate.Qubit0), Mask(gate.Qubit1))));
                    break;
                }

                default:
                {
                    var (matrix, target, control) = FixedGate(gate, Mask);
                    real &= matrix.IsReal;
                    ops.Add(new LaneOp(LaneOpKind.Fixed, -1, false, real, Pairs(rowOf, target, control), matrix));
                    break;
                }
            }
        }

        var observables = tape.Observables.Select(o => PauliMasks.Of(o, n)).ToArray();
        return new LaneProgram(n, tape.AngleCount, ops.ToArray(), rowOf, observables, tape.HasZOnEachObservables);
    }

    // A permutation gate maps logical basis state i to σ(i) (all are involutions): the amplitude
    // that was at logical σ(i) is now at logical i, so its physical row moves with it.
    private static int[] Permuted(int[] rowOf, Func<int, int> sigma) =>
        Enumerable.Range(0, rowOf.Length).Select(i => rowOf[sigma(i)]).ToArray();

    /// <summary>Physical rows of the logical pairs (i, i | target) with target clear and all control bits set.</summary>
    private static int[] Pairs(int[] rowOf, int target, int controls)
    {
        var rows = new List<int>();
        for (var i = 0; i < rowOf.Length; i++)
        {
            if ((i & target) == 0 && (i & controls) == controls)
            {
                rows.Add(rowOf[i]);
                rows.Add(rowOf[i | target]);
            }
        }

        return rows.ToArray();
    }

    /// <summary>Physical rows of the logical quadruples (00, 01, 10, 11) of qubits a (first) and b (second).</summary>
    private static int[] Quads(int[] rowOf, int a, int b)
    {
        var rows = new List<int>();
        for (var i = 0; i < rowOf.Length; i++)
        {
            if ((i & (a | b)) == 0)
            {
                rows.AddRange([rowOf[i], rowOf[i | b], rowOf[i | a], rowOf[i | a | b]]);
            }
        }

        return rows.ToArray();
    }

    private static (Matrix2 Matrix, int Target, int Controls) FixedGate(TapeGate gate, Func<int, int> mask)
    {
        var h = Math.Sqrt(0.5);
        return gate.Kind switch
        {
            GateKind.H => (new Matrix2(h, 0, h, 0, h, 0, -h, 0), mask(gate.Qubit0), 0),
            GateKind.Y => (new Matrix2(0, 0, 0, -1, 0, 1, 0, 0), mask(gate.Qubit0), 0),
            GateKind.Z => (new Matrix2(1, 0, 0, 0, 0, 0, -1, 0), mask(gate.Qubit0), 0),
            GateKind.S => (new Matrix2(1, 0, 0, 0, 0, 0, 0, 1), mask(gate.Qubit0), 0),
            GateKind.SAdj => (new Matrix2(1, 0, 0, 0, 0, 0, 0, -1), mask(gate.Qubit0), 0),
            GateKind.T => (new Matrix2(1, 0, 0, 0, 0, 0, h, h), mask(gate.Qubit0), 0),
            GateKind.TAdj => (new Matrix2(1, 0, 0, 0, 0, 0, h, -h), mask(gate.Qubit0), 0),
            GateKind.CY => (new Matrix2(0, 0, 0, -1, 0, 1, 0, 0), mask(gate.Qubit1), mask(gate.Qubit0)),
            GateKind.CZ => (new Matrix2(1, 0, 0, 0, 0, 0, -1, 0), mask(gate.Qubit1), mask(gate.Qubit0)),
            _ => throw new ArgumentOutOfRangeException(nameof(gate), gate.Kind, "Unsupported gate."),
        };
    }
}
