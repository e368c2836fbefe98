namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// A run of consecutive gates on at most two qubits (three for a CCX) applied as one dense
/// matrix, as qsim fuses gates: one pass over the state instead of one per gate. Local qubit 0
/// is the block's highest state bit. Gates keep their tape angle indices, so the block's matrix
/// is rebuilt per circuit from that circuit's angles.
/// </summary>
internal sealed class FusedBlock
{
    public FusedBlock(int[] bits, GateAction[] actions, bool[] differentiable, SmallMatrix? constant)
    {
        Bits = bits;
        Actions = actions;
        Differentiable = differentiable;
        Constant = constant;
        HasDifferentiable = differentiable.Any(d => d);
        Offsets = new int[1 << bits.Length];
        for (var r = 0; r < Offsets.Length; r++)
        {
            for (var k = 0; k < bits.Length; k++)
            {
                if (((r >> (bits.Length - 1 - k)) & 1) != 0)
                {
                    Offsets[r] |= 1 << bits[k];
                }
            }
        }

        BitsAscending = bits.Reverse().ToArray();
        if (constant is not null)
        {
            ConstantAdjoint = new SmallMatrix(constant.Qubits);
            ConstantAdjoint.AdjointOf(constant);
            Monomial = Monomial.Of(constant);
            MonomialInverse = Monomial?.Inverse();
        }
    }

    /// <summary>State bits of local qubits 0, 1, …, descending.</summary>
    public int[] Bits { get; }

    public int[] BitsAscending { get; }

    public int Qubits => Bits.Length;

    public int HighestBit => Bits[0];

    /// <summary>Row offsets of the block's local basis states from a group's base row.</summary>
    public int[] Offsets { get; }

    /// <summary>The block's gates, in order, as they act on its local matrix.</summary>
    public GateAction[] Actions { get; }

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
