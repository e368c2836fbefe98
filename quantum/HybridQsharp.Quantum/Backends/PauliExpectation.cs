using System.Numerics;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>⟨ψ|P|ψ⟩ of a Pauli string on a dense, big-endian state given as interleaved (re, im) pairs, as the Q# runtime returns states.</summary>
public static class PauliExpectation
{
    public static double Of(PauliString observable, IReadOnlyList<double> interleaved, int qubits)
    {
        var dimension = 1 << qubits;
        if (interleaved.Count != 2 * dimension)
        {
            throw new ArgumentException($"Expected {dimension} amplitudes, got {interleaved.Count / 2}.", nameof(interleaved));
        }

        // P|i⟩ = i^{#Y} (-1)^{popcount(i & (Z|Y))} |i ^ (X|Y)⟩, so ⟨ψ|P|ψ⟩ = Σ_i conj(ψ[i ^ flip]) · phase(i) · ψ[i].
        int flip = 0, sign = 0, ys = 0;
        foreach (var factor in observable.Factors)
        {
            var bit = 1 << (qubits - 1 - factor.Qubit);
            flip |= factor.Pauli is Pauli.X or Pauli.Y ? bit : 0;
            sign |= factor.Pauli is Pauli.Z or Pauli.Y ? bit : 0;
            ys += factor.Pauli == Pauli.Y ? 1 : 0;
        }

        var yPhase = Complex.Pow(Complex.ImaginaryOne, ys);
        var sum = Complex.Zero;
        for (var i = 0; i < dimension; i++)
        {
            var amplitude = new Complex(interleaved[2 * i], interleaved[(2 * i) + 1]);
            var partner = new Complex(interleaved[2 * (i ^ flip)], interleaved[(2 * (i ^ flip)) + 1]);
            var term = Complex.Conjugate(partner) * amplitude;
            sum += (BitOperations.PopCount((uint)(i & sign)) % 2 == 0) ? term : -term;
        }

        return (yPhase * sum).Real;
    }
}
