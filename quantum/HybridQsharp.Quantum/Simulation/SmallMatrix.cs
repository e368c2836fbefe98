using System.Runtime.CompilerServices;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// A dense complex matrix on the 1 to 3 qubits of a fused block (row-major, big-endian like
/// the state: local qubit 0 is the most significant bit). Built by running the block's gates on
/// the basis columns with the ordinary gate kernels, so a fused block is by construction the
/// product of the gates it replaces.
/// </summary>
internal sealed class SmallMatrix
{
    private readonly StateVector _column;

    public SmallMatrix(int qubits)
    {
        Qubits = qubits;
        Size = 1 << qubits;
        Re = new double[Size * Size];
        Im = new double[Size * Size];
        _column = new StateVector(qubits);
    }

    public int Qubits { get; }

    public int Size { get; }

    public double[] Re { get; }

    public double[] Im { get; }

    public void SetIdentity()
    {
        Array.Clear(Re);
        Array.Clear(Im);
        for (var i = 0; i < Size; i++)
        {
            Re[(i * Size) + i] = 1;
        }
    }

    /// <summary>
    /// This ← G · this, for a gate on local qubits with angle <paramref name="angle"/> (its generator P instead, if <paramref name="generator"/>).
    /// </summary>
    public void LeftMultiply(in TapeGate localGate, double angle, bool generator = false)
    {
        for (var c = 0; c < Size; c++)
        {
            for (var r = 0; r < Size; r++)
            {
                _column.Re[r] = Re[(r * Size) + c];
                _column.Im[r] = Im[(r * Size) + c];
            }

            if (generator)
            {
                GateKernels.ApplyGenerator(_column, localGate);
            }
            else
            {
                GateKernels.Apply(_column, localGate, angle);
            }

            for (var r = 0; r < Size; r++)
            {
                Re[(r * Size) + c] = _column.Re[r];
                Im[(r * Size) + c] = _column.Im[r];
            }
        }
    }

    public void CopyFrom(SmallMatrix other)
    {
        other.Re.CopyTo(Re, 0);
        other.Im.CopyTo(Im, 0);
    }

    /// <summary>this ← a · b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(SmallMatrix a, SmallMatrix b)
    {
        var n = Size;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sr = 0, si = 0;
                for (var k = 0; k < n; k++)
                {
                    double ar = a.Re[(i * n) + k], ai = a.Im[(i * n) + k], br = b.Re[(k * n) + j], bi = b.Im[(k * n) + j];
                    sr += (ar * br) - (ai * bi);
                    si += (ar * bi) + (ai * br);
                }

                Re[(i * n) + j] = sr;
                Im[(i * n) + j] = si;
            }
        }
    }

    /// <summary>this ← a† (conjugate transpose).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AdjointOf(SmallMatrix a)
    {
        var n = Size;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Re[(i * n) + j] = a.Re[(j * n) + i];
                Im[(i * n) + j] = -a.Im[(j * n) + i];
            }
        }
    }

    /// <summary>Im Tr(this · C) for C given as separate parts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double ImaginaryTraceWith(ReadOnlySpan<double> cRe, ReadOnlySpan<double> cIm)
    {
        var n = Size;
        var sum = 0.0;
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                // M[a][b] C[b][a]
                double mr = Re[(a * n) + b], mi = Im[(a * n) + b], cr = cRe[(b * n) + a], ci = cIm[(b * n) + a];
                sum += (mr * ci) + (mi * cr);
            }
        }

        return sum;
    }
}
