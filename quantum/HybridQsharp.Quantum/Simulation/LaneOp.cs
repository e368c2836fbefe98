namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// One step of a <see cref="LaneProgram"/>: a rotation or a fixed 2×2 gate applied to pairs
/// (or, for two-qubit rotations, quadruples) of physical rows of a <see cref="StateBatch"/>.
/// Permutation gates have no step: they were folded into the row numbering at compile time.
/// </summary>
internal sealed class LaneOp
{
    public LaneOp(LaneOpKind kind, int angleIndex, bool differentiable, bool realState, int[] rows, Matrix2? matrix = null)
    {
        Kind = kind;
        AngleIndex = angleIndex;
        Differentiable = differentiable;
        RealState = realState;
        Rows = rows;
        Matrix = matrix ?? default;
    }

    public LaneOpKind Kind { get; }

    /// <summary>The angle this rotation reads (-1 for fixed gates).</summary>
    public int AngleIndex { get; }

    /// <summary>The angle depends on a parameter, so adjoint differentiation needs its derivative.</summary>
    public bool Differentiable { get; }

    /// <summary>The state is real before and after this step on the forward run, so the imaginary part can be skipped.</summary>
    public bool RealState { get; }

    /// <summary>Physical rows, flattened: pairs (bit 0, bit 1) or quadruples (00, 01, 10, 11).</summary>
    public int[] Rows { get; }

    /// <summary>The gate's matrix for <see cref="LaneOpKind.Fixed"/> steps.</summary>
    public Matrix2 Matrix { get; }
}

internal enum LaneOpKind : byte
{
    Rx,
    Ry,
    Rz,
    Rxx,
    Ryy,
    Rzz,
    Fixed,
}

/// <summary>A complex 2×2 matrix [[a, b], [c, d]] as real and imaginary parts.</summary>
internal readonly record struct Matrix2(double Ar, double Ai, double Br, double Bi, double Cr, double Ci, double Dr, double Di)
{
    public bool IsReal => Ai == 0 && Bi == 0 && Ci == 0 && Di == 0;

    /// <summary>The conjugate transpose: the inverse of a unitary.</summary>
    public Matrix2 Adjoint() => new(Ar, -Ai, Cr, -Ci, Br, -Bi, Dr, -Di);
}
