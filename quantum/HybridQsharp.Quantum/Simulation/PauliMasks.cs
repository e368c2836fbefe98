using System.Numerics;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// A Pauli string as bit masks over basis indices of an n-qubit register (big-endian):
/// P|i⟩ = i^<see cref="YCount"/> · (−1)^popcount(i &amp; <see cref="PhaseMask"/>) |i ⊕ <see cref="FlipMask"/>⟩,
/// because X flips its bit, Z signs it and Y = i·X·Z does both. One pass over the state then
/// gives ⟨ψ|P|ψ⟩ = Σᵢ conj(ψ[i ⊕ f]) · P's phase at i · ψ[i] for any string.
/// </summary>
public readonly record struct PauliMasks(int FlipMask, int PhaseMask, int YCount)
{
    public static PauliMasks Of(PauliString pauli, int qubits)
    {
        int flip = 0, phase = 0, y = 0;
        foreach (var factor in pauli.Factors)
        {
            var bit = 1 << (qubits - 1 - factor.Qubit);
            switch (factor.Pauli)
            {
                case Pauli.X:
                    flip |= bit;
                    break;
                case Pauli.Y:
                    flip |= bit;
                    phase |= bit;
                    y++;
                    break;
                case Pauli.Z:
                    phase |= bit;
                    break;
            }
        }

        return new PauliMasks(flip, phase, y);
    }

    public bool IsDiagonal => FlipMask == 0;

    /// <summary>The sign (−1)^popcount(i &amp; PhaseMask) at basis index <paramref name="index"/>.</summary>
    public double SignAt(int index) => (BitOperations.PopCount((uint)(index & PhaseMask)) & 1) == 0 ? 1.0 : -1.0;

    /// <summary>
    /// The real coefficients (re, im) of i^YCount · sign at <paramref name="index"/>: P's amplitude
    /// factor is one of 1, i, −1, −i.
    /// </summary>
    public (double Re, double Im) FactorAt(int index)
    {
        var sign = SignAt(index);
        return (YCount & 3) switch
        {
            0 => (sign, 0),
            1 => (0, sign),
            2 => (-sign, 0),
            _ => (0, -sign),
        };
    }
}
