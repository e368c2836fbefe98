using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// Kernels for <see cref="FusedProgram"/> blocks on one state (separate re/im arrays): a dense
/// d×d matrix (d = 2, 4 or 8) or a monomial (moves and phases only) applied to every group of
/// the d amplitudes the block's qubits index, and for the adjoint sweep a combined pass that
/// un-applies a block to ψ and to each λ while accumulating the block's cross matrix
/// C[b][a] = Σ_rest ψ_in[b, rest] · conj(λ_out[a, rest]), from which every gate inside the block
/// gets its derivative Im Tr(M_j C) without further passes. Groups are visited four at a time
/// with SIMD when the block's lowest bit is at least 2 (then four consecutive group bases are
/// consecutive indices); otherwise one at a time.
/// </summary>
internal static class FusedKernels
{
    private static readonly int Width = Vector<double>.Count;

    /// <summary>Applies <paramref name="m"/> to the block's qubits over one chunk (or the whole state).</summary>
    public static void ApplyDense(FusedBlock block, SmallMatrix m, Span<double> re, Span<double> im)
    {
        var offsets = Offsets(block);
        var ascending = Ascending(block);
        var d = offsets.Length;
        var groups = re.Length / d;
        if (Vectorisable(block))
        {
            Span<Vector<double>> mr = stackalloc Vector<double>[d * d];
            Span<Vector<double>> mi = stackalloc Vector<double>[d * d];
            for (var k = 0; k < d * d; k++)
            {
                mr[k] = new Vector<double>(m.Re[k]);
                mi[k] = new Vector<double>(m.Im[k]);
            }

            if (d == 2)
            {
                Dense2Vector(re, im, ascending, offsets[1], groups, mr, mi);
            }
            else
            {
                DenseVector(re, im, ascending, offsets, groups, mr, mi);
            }

            return;
        }

        Span<double> xr = stackalloc double[d];
        Span<double> xi = stackalloc double[d];
        for (var t = 0; t < groups; t++)
        {
            var baseIndex = Expand(t, ascending);
            for (var c = 0; c < d; c++)
            {
                xr[c] = re[baseIndex + offsets[c]];
                xi[c] = im[baseIndex + offsets[c]];
            }

            for (var r = 0; r < d; r++)
            {
                double sr = 0, si = 0;
                for (var c = 0; c < d; c++)
                {
                    double ar = m.Re[(r * d) + c], ai = m.Im[(r * d) + c];
                    sr += (ar * xr[c]) - (ai * xi[c]);
                    si += (ar * xi[c]) + (ai * xr[c]);
                }

                re[baseIndex + offsets[r]] = sr;
                im[baseIndex + offsets[r]] = si;
            }
        }
    }

    /// <summary>Applies a monomial block: only the rows it moves or phases are read and written.</summary>
    public static void ApplyMonomial(FusedBlock block, Monomial m, Span<double> re, Span<double> im)
    {
        var offsets = Offsets(block);
        var ascending = Ascending(block);
        var d = offsets.Length;
        var groups = re.Length / d;
        var moving = Enumerable.Range(0, d).Where(m.Moves).ToArray();
        var sources = moving.Select(r => m.Source[r]).Distinct().ToArray();
        if (Vectorisable(block))
        {
            Span<Vector<double>> xr = stackalloc Vector<double>[d];
            Span<Vector<double>> xi = stackalloc Vector<double>[d];
            var vre = MemoryMarshal.Cast<double, Vector<double>>(re);
            var vim = MemoryMarshal.Cast<double, Vector<double>>(im);
            for (var t = 0; t < groups; t += Width)
            {
                var baseIndex = Expand(t, ascending);
                foreach (var s in sources)
                {
                    xr[s] = vre[(baseIndex + offsets[s]) / Width];
                    xi[s] = vim[(baseIndex + offsets[s]) / Width];
                }

                foreach (var r in moving)
                {
                    var (fr, fi, s) = (m.FactorRe[r], m.FactorIm[r], m.Source[r]);
                    vre[(baseIndex + offsets[r]) / Width] = (fr * xr[s]) - (fi * xi[s]);
                    vim[(baseIndex + offsets[r]) / Width] = (fr * xi[s]) + (fi * xr[s]);
                }
            }

            return;
        }

        Span<double> sr = stackalloc double[d];
        Span<double> si = stackalloc double[d];
        for (var t = 0; t < groups; t++)
        {
            var baseIndex = Expand(t, ascending);
            foreach (var s in sources)
            {
                sr[s] = re[baseIndex + offsets[s]];
                si[s] = im[baseIndex + offsets[s]];
            }

            foreach (var r in moving)
            {
                var (fr, fi, s) = (m.FactorRe[r], m.FactorIm[r], m.Source[r]);
                re[baseIndex + offsets[r]] = (fr * sr[s]) - (fi * si[s]);
                im[baseIndex + offsets[r]] = (fr * si[s]) + (fi * sr[s]);
            }
        }
    }

    /// <summary>
    /// One adjoint pass over a block with differentiable gates: ψ ← M†ψ, and for each λ_m:
    /// C_m += ψ_in ⊗ conj(λ_out), λ_m ← M†λ_m. <paramref name="cross"/> holds, per λ, d² real
    /// parts then d² imaginary parts, row b, column a.
    /// </summary>
    public static void UnapplyAccumulating(FusedBlock block, SmallMatrix adjoint, StateVector psi, StateVector[] lambdas, int chunkStart, int chunkLength, double[] cross)
    {
        var psiRe = psi.Re.AsSpan(chunkStart, chunkLength);
        var psiIm = psi.Im.AsSpan(chunkStart, chunkLength);
        var offsets = Offsets(block);
        var ascending = Ascending(block);
        var d = offsets.Length;
        var groups = chunkLength / d;
        var dd = d * d;
        if (Vectorisable(block))
        {
            Span<Vector<double>> mr = stackalloc Vector<double>[dd];
            Span<Vector<double>> mi = stackalloc Vector<double>[dd];
            for (var k = 0; k < dd; k++)
            {
                mr[k] = new Vector<double>(adjoint.Re[k]);
                mi[k] = new Vector<double>(adjoint.Im[k]);
            }

            Span<Vector<double>> inRe = stackalloc Vector<double>[d];
            Span<Vector<double>> inIm = stackalloc Vector<double>[d];
            Span<Vector<double>> outRe = stackalloc Vector<double>[d];
            Span<Vector<double>> outIm = stackalloc Vector<double>[d];
            Span<Vector<double>> newRe = stackalloc Vector<double>[d];
            Span<Vector<double>> newIm = stackalloc Vector<double>[d];
            Span<Vector<double>> accumulators = stackalloc Vector<double>[2 * dd * lambdas.Length];
            accumulators.Clear();
            var pr = MemoryMarshal.Cast<double, Vector<double>>(psiRe);
            var pi = MemoryMarshal.Cast<double, Vector<double>>(psiIm);
            for (var t = 0; t < groups; t += Width)
            {
                var baseIndex = Expand(t, ascending);
                Load(pr, pi, baseIndex, offsets, outRe, outIm);
                Multiply(mr, mi, outRe, outIm, inRe, inIm, d);
                Store(pr, pi, baseIndex, offsets, inRe, inIm);
                for (var l = 0; l < lambdas.Length; l++)
                {
                    var lr = MemoryMarshal.Cast<double, Vector<double>>(lambdas[l].Re.AsSpan(chunkStart, chunkLength));
                    var li = MemoryMarshal.Cast<double, Vector<double>>(lambdas[l].Im.AsSpan(chunkStart, chunkLength));
                    Load(lr, li, baseIndex, offsets, outRe, outIm);
                    var accRe = accumulators.Slice(2 * dd * l, dd);
                    var accIm = accumulators.Slice((2 * dd * l) + dd, dd);
                    for (var b = 0; b < d; b++)
                    {
                        for (var a = 0; a < d; a++)
                        {
                            // ψ_in[b] · conj(λ_out[a])
                            accRe[(b * d) + a] += (inRe[b] * outRe[a]) + (inIm[b] * outIm[a]);
                            accIm[(b * d) + a] += (inIm[b] * outRe[a]) - (inRe[b] * outIm[a]);
                        }
                    }

                    Multiply(mr, mi, outRe, outIm, newRe, newIm, d);
                    Store(lr, li, baseIndex, offsets, newRe, newIm);
                }
            }

            for (var k = 0; k < accumulators.Length; k++)
            {
                cross[k] += Vector.Sum(accumulators[k]);
            }

            return;
        }

        Span<double> xr = stackalloc double[d];
        Span<double> xi = stackalloc double[d];
        Span<double> yr = stackalloc double[d];
        Span<double> yi = stackalloc double[d];
        Span<double> zr = stackalloc double[d];
        Span<double> zi = stackalloc double[d];
        for (var t = 0; t < groups; t++)
        {
            var baseIndex = Expand(t, ascending);
            for (var c = 0; c < d; c++)
            {
                xr[c] = psiRe[baseIndex + offsets[c]];
                xi[c] = psiIm[baseIndex + offsets[c]];
            }

            MultiplyScalar(adjoint, xr, xi, yr, yi);
            for (var r = 0; r < d; r++)
            {
                psiRe[baseIndex + offsets[r]] = yr[r];
                psiIm[baseIndex + offsets[r]] = yi[r];
            }

            for (var l = 0; l < lambdas.Length; l++)
            {
                var lr = lambdas[l].Re.AsSpan(chunkStart, chunkLength);
                var li = lambdas[l].Im.AsSpan(chunkStart, chunkLength);
                for (var c = 0; c < d; c++)
                {
                    zr[c] = lr[baseIndex + offsets[c]];
                    zi[c] = li[baseIndex + offsets[c]];
                }

                var offset = 2 * dd * l;
                for (var b = 0; b < d; b++)
                {
                    for (var a = 0; a < d; a++)
                    {
                        cross[offset + (b * d) + a] += (yr[b] * zr[a]) + (yi[b] * zi[a]);
                        cross[offset + dd + (b * d) + a] += (yi[b] * zr[a]) - (yr[b] * zi[a]);
                    }
                }

                MultiplyScalar(adjoint, zr, zi, xr, xi);
                for (var r = 0; r < d; r++)
                {
                    lr[baseIndex + offsets[r]] = xr[r];
                    li[baseIndex + offsets[r]] = xi[r];
                }
            }
        }
    }

    /// <summary>⟨Z⟩ of every qubit in one pass: ⟨Z_q⟩ = total − 2 · (probability mass with q's bit set).</summary>
    public static void ExpectationsZ(StateVector state, Span<double> output)
    {
        var n = state.Qubits;
        var vre = MemoryMarshal.Cast<double, Vector<double>>(state.Re.AsSpan());
        var vim = MemoryMarshal.Cast<double, Vector<double>>(state.Im.AsSpan());
        Span<Vector<double>> setMass = stackalloc Vector<double>[n];
        setMass.Clear();
        var total = Vector<double>.Zero;
        Span<double> laneBits = stackalloc double[Width];
        Span<Vector<double>> lowBitMasks = stackalloc Vector<double>[Math.Min(n, 2)];
        for (var b = 0; b < lowBitMasks.Length; b++)
        {
            for (var l = 0; l < Width; l++)
            {
                laneBits[l] = (l >> b) & 1;
            }

            lowBitMasks[b] = new Vector<double>(laneBits);
        }

        for (var k = 0; k < vre.Length; k++)
        {
            var p = (vre[k] * vre[k]) + (vim[k] * vim[k]);
            total += p;
            var index = k * Width;
            for (var b = 0; b < lowBitMasks.Length; b++)
            {
                setMass[b] += p * lowBitMasks[b];
            }

            for (var b = 2; b < n; b++)
            {
                if (((index >> b) & 1) != 0)
                {
                    setMass[b] += p;
                }
            }
        }

        var sum = Vector.Sum(total);
        for (var q = 0; q < n; q++)
        {
            output[q] = sum - (2 * Vector.Sum(setMass[state.BitOf(q)]));
        }
    }

    /// <summary>Whether four consecutive group bases are consecutive indices (the block's lowest bit is at least 2).</summary>
    public static bool Vectorisable(FusedBlock block) => block.Bits[^1] >= 2 && Width == 4;

    /// <summary>Index offsets of the block's d local basis states (local qubit 0 is the most significant).</summary>
    public static int[] Offsets(FusedBlock block)
    {
        var m = block.Qubits;
        var offsets = new int[1 << m];
        for (var r = 0; r < offsets.Length; r++)
        {
            for (var k = 0; k < m; k++)
            {
                if (((r >> (m - 1 - k)) & 1) != 0)
                {
                    offsets[r] |= 1 << block.Bits[k];
                }
            }
        }

        return offsets;
    }

    private static int[] Ascending(FusedBlock block) => block.Bits.Reverse().ToArray();

    // The t-th index with every block bit clear: insert a zero at each block bit, lowest first.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Expand(int t, int[] ascending)
    {
        foreach (var b in ascending)
        {
            t = ((t >> b) << (b + 1)) | (t & ((1 << b) - 1));
        }

        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dense2Vector(Span<double> re, Span<double> im, int[] ascending, int offset, int groups,
        ReadOnlySpan<Vector<double>> mr, ReadOnlySpan<Vector<double>> mi)
    {
        var vre = MemoryMarshal.Cast<double, Vector<double>>(re);
        var vim = MemoryMarshal.Cast<double, Vector<double>>(im);
        Vector<double> ar = mr[0], ai = mi[0], br = mr[1], bi = mi[1], cr = mr[2], ci = mi[2], dr = mr[3], di = mi[3];
        var stride = offset / Width;
        var bit = ascending[0];
        var run = Math.Max(1, (1 << bit) / Width);
        for (var t = 0; t < groups; t += Width * run)
        {
            var first = Expand(t, ascending) / Width;
            for (var i = first; i < first + run; i++)
            {
                var j = i + stride;
                Vector<double> xr = vre[i], xi = vim[i], yr = vre[j], yi = vim[j];
                vre[i] = (ar * xr) - (ai * xi) + (br * yr) - (bi * yi);
                vim[i] = (ar * xi) + (ai * xr) + (br * yi) + (bi * yr);
                vre[j] = (cr * xr) - (ci * xi) + (dr * yr) - (di * yi);
                vim[j] = (cr * xi) + (ci * xr) + (dr * yi) + (di * yr);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DenseVector(Span<double> re, Span<double> im, int[] ascending, int[] offsets, int groups,
        ReadOnlySpan<Vector<double>> mr, ReadOnlySpan<Vector<double>> mi)
    {
        var d = offsets.Length;
        var vre = MemoryMarshal.Cast<double, Vector<double>>(re);
        var vim = MemoryMarshal.Cast<double, Vector<double>>(im);
        Span<Vector<double>> xr = stackalloc Vector<double>[d];
        Span<Vector<double>> xi = stackalloc Vector<double>[d];
        Span<Vector<double>> yr = stackalloc Vector<double>[d];
        Span<Vector<double>> yi = stackalloc Vector<double>[d];
        var run = Math.Max(1, (1 << ascending[0]) / Width);
        for (var t = 0; t < groups; t += Width * run)
        {
            var first = Expand(t, ascending);
            for (var r = 0; r < run; r++)
            {
                var baseIndex = first + (r * Width);
                Load(vre, vim, baseIndex, offsets, xr, xi);
                Multiply(mr, mi, xr, xi, yr, yi, d);
                Store(vre, vim, baseIndex, offsets, yr, yi);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Load(Span<Vector<double>> re, Span<Vector<double>> im, int baseIndex, int[] offsets, Span<Vector<double>> xr, Span<Vector<double>> xi)
    {
        for (var c = 0; c < offsets.Length; c++)
        {
            var k = (baseIndex + offsets[c]) / Width;
            xr[c] = re[k];
            xi[c] = im[k];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<Vector<double>> re, Span<Vector<double>> im, int baseIndex, int[] offsets, ReadOnlySpan<Vector<double>> yr, ReadOnlySpan<Vector<double>> yi)
    {
        for (var r = 0; r < offsets.Length; r++)
        {
            var k = (baseIndex + offsets[r]) / Width;
            re[k] = yr[r];
            im[k] = yi[r];
        }
    }

    // y = M x for one group of d amplitude vectors.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Multiply(ReadOnlySpan<Vector<double>> mr, ReadOnlySpan<Vector<double>> mi, ReadOnlySpan<Vector<double>> xr, ReadOnlySpan<Vector<double>> xi,
        Span<Vector<double>> yr, Span<Vector<double>> yi, int d)
    {
        for (var r = 0; r < d; r++)
        {
            Vector<double> sr = Vector<double>.Zero, si = Vector<double>.Zero;
            for (var c = 0; c < d; c++)
            {
                Vector<double> ar = mr[(r * d) + c], ai = mi[(r * d) + c];
                sr += (ar * xr[c]) - (ai * xi[c]);
                si += (ar * xi[c]) + (ai * xr[c]);
            }

            yr[r] = sr;
            yi[r] = si;
        }
    }

    private static void MultiplyScalar(SmallMatrix m, ReadOnlySpan<double> xr, ReadOnlySpan<double> xi, Span<double> yr, Span<double> yi)
    {
        var d = m.Size;
        for (var r = 0; r < d; r++)
        {
            double sr = 0, si = 0;
            for (var c = 0; c < d; c++)
            {
                double ar = m.Re[(r * d) + c], ai = m.Im[(r * d) + c];
                sr += (ar * xr[c]) - (ai * xi[c]);
                si += (ar * xi[c]) + (ai * xr[c]);
            }

            yr[r] = sr;
            yi[r] = si;
        }
    }
}
