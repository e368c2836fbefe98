namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// An n-qubit state as separate real and imaginary arrays (so kernels vectorise over
/// contiguous doubles), big-endian: qubit 0 is the most significant bit of the index.
/// </summary>
public sealed class StateVector
{
    public StateVector(int qubits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qubits, 30);
        Qubits = qubits;
        Re = new double[1 << qubits];
        Im = new double[1 << qubits];
    }

    public int Qubits { get; }

    public int Dimension => Re.Length;

    public double[] Re { get; }

    public double[] Im { get; }

    /// <summary>The bit of a basis index that holds <paramref name="qubit"/>.</summary>
    public int BitOf(int qubit) => Qubits - 1 - qubit;

    public void SetZero()
    {
        Array.Clear(Re);
        Array.Clear(Im);
        Re[0] = 1;
    }

    public void CopyFrom(StateVector other)
    {
        other.Re.CopyTo(Re, 0);
        other.Im.CopyTo(Im, 0);
    }

    /// <summary>⟨Z_qubit⟩ of this (normalised) state.</summary>
    public double ExpectationZ(int qubit)
    {
        var mask = 1 << BitOf(qubit);
        var sum = 0.0;
        for (var i = 0; i < Re.Length; i++)
        {
            var p = (Re[i] * Re[i]) + (Im[i] * Im[i]);
            sum += (i & mask) == 0 ? p : -p;
        }

        return sum;
    }

    /// <summary>⟨ψ|P|ψ⟩ for the Pauli string <paramref name="pauli"/>, in one pass over the state.</summary>
    public double Expectation(PauliMasks pauli)
    {
        if (pauli.IsDiagonal)
        {
            var diagonal = 0.0;
            for (var i = 0; i < Re.Length; i++)
            {
                diagonal += pauli.SignAt(i) * ((Re[i] * Re[i]) + (Im[i] * Im[i]));
            }

            return diagonal;
        }

        // Σ sign(i) conj(ψ[i ⊕ f]) ψ[i], then the factor i^y.
        double sumRe = 0, sumIm = 0;
        for (var i = 0; i < Re.Length; i++)
        {
            var j = i ^ pauli.FlipMask;
            var sign = pauli.SignAt(i);
            sumRe += sign * ((Re[j] * Re[i]) + (Im[j] * Im[i]));
            sumIm += sign * ((Re[j] * Im[i]) - (Im[j] * Re[i]));
        }

        return (pauli.YCount & 3) switch
        {
            0 => sumRe,
            1 => -sumIm,
            2 => -sumRe,
            _ => sumIm,
        };
    }

    /// <summary>Writes P|ψ⟩ of this state into <paramref name="destination"/> (a different state of the same size).</summary>
    public void ApplyPauliInto(PauliMasks pauli, StateVector destination)
    {
        for (var i = 0; i < Re.Length; i++)
        {
            var (fr, fi) = pauli.FactorAt(i);
            var j = i ^ pauli.FlipMask;
            destination.Re[j] = (fr * Re[i]) - (fi * Im[i]);
            destination.Im[j] = (fr * Im[i]) + (fi * Re[i]);
        }
    }

    /// <summary>Im ⟨this | other⟩, the quantity adjoint differentiation needs.</summary>
    public double ImaginaryInnerProduct(StateVector other)
    {
        var sum = 0.0;
        for (var i = 0; i < Re.Length; i++)
        {
            sum += (Re[i] * other.Im[i]) - (Im[i] * other.Re[i]);
        }

        return sum;
    }
}
