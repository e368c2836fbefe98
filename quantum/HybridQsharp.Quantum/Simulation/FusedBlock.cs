using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// A run of consecutive gates on at most two qubits (three for a CCX) applied as one dense
/// matrix, as qsim fuses gates: one pass over the state instead of one per gate. Local qubit 0
/// is the block's highest state bit. Gates keep their tape angle indices, so the block's matrix
/// is rebuilt per circuit from that circuit's angles.
/// </summary>
internal sealed class FusedBlock
{
    public FusedBlock(int[] bits, TapeGate[] localGates, bool[] differentiable, SmallMatrix? constant, Monomial? monomial)
    {
        Bits = bits;
        LocalGates = localGates;
        Differentiable = differentiable;
        Constant = constant;
        Monomial = monomial;
        MonomialInverse = monomial?.Inverse();
        if (constant is not null)
        {
            ConstantAdjoint = new SmallMatrix(constant.Qubits);
            ConstantAdjoint.AdjointOf(constant);
        }

        HasDifferentiable = differentiable.Any(d => d);
    }

    /// <summary>State bits of local qubits 0, 1, …, descending.</summary>
    public int[] Bits { get; }

    public int Qubits => Bits.Length;

    public int HighestBit => Bits[0];

    public TapeGate[] LocalGates { get; }

    /// <summary>Per gate: a rotation whose angle depends on a parameter.</summary>
    public bool[] Differentiable { get; }

    public bool HasDifferentiable { get; }

    /// <summary>The matrix, when the block has no angles (fixed gates only).</summary>
    public SmallMatrix? Constant { get; }

    public SmallMatrix? ConstantAdjoint { get; }

    /// <summary>For a constant block that moves and phases amplitudes without mixing them (CX, CZ, SWAP, …): the cheap form.</summary>
    public Monomial? Monomial { get; }

    public Monomial? MonomialInverse { get; }
}

/// <summary>A matrix with exactly one non-zero entry per column: output row r takes Factor[r] · input Source[r].</summary>
internal sealed record Monomial(int[] Source, double[] FactorRe, double[] FactorIm)
{
    /// <summary>Rows that the matrix leaves untouched (source is itself, factor 1) need no write.</summary>
    public bool Moves(int row) => Source[row] != row || FactorRe[row] != 1 || FactorIm[row] != 0;

    public Monomial Inverse()
    {
        var n = Source.Length;
        var source = new int[n];
        var re = new double[n];
        var im = new double[n];
        for (var r = 0; r < n; r++)
        {
            // out[r] = f · in[s] inverts to in[s] = conj(f) · out[r].
            source[Source[r]] = r;
            re[Source[r]] = FactorRe[r];
            im[Source[r]] = -FactorIm[r];
        }

        return new Monomial(source, re, im);
    }
}
