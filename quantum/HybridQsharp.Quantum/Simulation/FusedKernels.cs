using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// Kernels for <see cref="FusedProgram"/> blocks on states stored as rows of four lanes (four
/// circuits side by side, one 256-bit vector per amplitude row). Every block bit is a row bit, so a
/// d×d block updates d whole rows per group with per-lane coefficients (each lane its own
/// circuit's matrix), in contiguous runs of groups; no lane is ever shuffled. The adjoint pass
/// un-applies a block to ψ and to each λ while accumulating, per lane, the block's cross matrix
/// C[b][a] = Σ_rest ψ_in[b, rest] · conj(λ_out[a, rest]).
/// </summary>
internal static class FusedKernels
{
    /// <summary>Applies a block's per-lane matrices (coefficient vectors) to every group of rows in the span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplyDense(FusedBlock block, double[] coefficientsRe, double[] coefficientsIm, Span<double> re, Span<double> im)
    {
        var cr = MemoryMarshal.Cast<double, Vector256<double>>(coefficientsRe.AsSpan());
        var ci = MemoryMarshal.Cast<double, Vector256<double>>(coefficientsIm.AsSpan());
        var vre = MemoryMarshal.Cast<double, Vector256<double>>(re);
        var vim = MemoryMarshal.Cast<double, Vector256<double>>(im);
        switch (block.Qubits)
        {
            case 1:
                Dense2(block.Bits[0], cr, ci, vre, vim);
                break;
            case 2:
                Dense4(block, cr, ci, vre, vim);
                break;
            default:
                DenseAny(block, cr, ci, vre, vim);
                break;
        }
    }

    /// <summary>
    /// Applies a monomial block (the same for every lane): only the rows it moves or phases are touched; swaps are plain exchanges.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplyMonomial(FusedBlock block, Monomial m, Span<double> re, Span<double> im)
    {
        var vre = MemoryMarshal.Cast<double, Vector256<double>>(re);
        var vim = MemoryMarshal.Cast<double, Vector256<double>>(im);
        var offsets = block.Offsets;
        var moving = m.MovingRows;
        var count = moving.Length;
        if (count == 0)
        {
            return;
        }

        Span<int> target = stackalloc int[count];
        Span<int> source = stackalloc int[count];
        Span<Vector256<double>> factorRe = stackalloc Vector256<double>[count];
        Span<Vector256<double>> factorIm = stackalloc Vector256<double>[count];
        var swap = count == 2;
        for (var i = 0; i < count; i++)
        {
            target[i] = offsets[moving[i]];
            source[i] = offsets[m.Source[moving[i]]];
            factorRe[i] = Vector256.Create(m.FactorRe[moving[i]]);
            factorIm[i] = Vector256.Create(m.FactorIm[moving[i]]);
            swap &= m.FactorRe[moving[i]] == 1 && m.FactorIm[moving[i]] == 0 && m.Source[m.Source[moving[i]]] == moving[i];
        }

        var run = 1 << block.BitsAscending[0];
        var groups = vre.Length >> block.Qubits;
        ref var r0 = ref MemoryMarshal.GetReference(vre);
        ref var i0 = ref MemoryMarshal.GetReference(vim);
        Span<Vector256<double>> heldRe = stackalloc Vector256<double>[count];
        Span<Vector256<double>> heldIm = stackalloc Vector256<double>[count];
        for (var t = 0; t < groups; t += run)
        {
            var first = Expand(t, block.BitsAscending);
            if (swap)
            {
                // CX, SWAP, X: exchange two runs of rows.
                int a = first + target[0], b = first + target[1];
                for (var v = 0; v < run; v++)
                {
                    (Unsafe.Add(ref r0, a + v), Unsafe.Add(ref r0, b + v)) = (Unsafe.Add(ref r0, b + v), Unsafe.Add(ref r0, a + v));
                    (Unsafe.Add(ref i0, a + v), Unsafe.Add(ref i0, b + v)) = (Unsafe.Add(ref i0, b + v), Unsafe.Add(ref i0, a + v));
                }

                continue;
            }

            for (var v = first; v < first + run; v++)
            {
                for (var i = 0; i < count; i++)
                {
                    heldRe[i] = Unsafe.Add(ref r0, v + source[i]);
                    heldIm[i] = Unsafe.Add(ref i0, v + source[i]);
                }

                for (var i = 0; i < count; i++)
                {
                    Unsafe.Add(ref r0, v + target[i]) = Mac.Subtract(factorIm[i], heldIm[i], factorRe[i] * heldRe[i]);
                    Unsafe.Add(ref i0, v + target[i]) = Mac.Add(factorIm[i], heldRe[i], factorRe[i] * heldIm[i]);
                }
            }
        }
    }

    /// <summary>
    /// One adjoint pass over a block with differentiable gates: ψ ← M†ψ, and for each λ:
    /// C += ψ_in ⊗ conj(λ_out) lane by lane, λ ← M†λ, over rows [start, start + length).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UnapplyAccumulating(FusedBlock block, double[] adjointRe, double[] adjointIm, StateBatch psi, StateBatch[] lambdas,
        int lambdaCount,
        int start, int length, double[] cross)
    {
        var lanes = psi.Lanes;
        var d = 1 << block.Qubits;
        var dd = d * d;
        if (d == 4)
        {
            UnapplyAccumulating4(block, adjointRe, adjointIm, psi, lambdas, lambdaCount, start, length, cross);
            return;
        }

        var mr = MemoryMarshal.Cast<double, Vector256<double>>(adjointRe.AsSpan());
        var mi = MemoryMarshal.Cast<double, Vector256<double>>(adjointIm.AsSpan());
        var pr = Rows(psi.Re, start, length, lanes);
        var pi = Rows(psi.Im, start, length, lanes);
        var offsets = block.Offsets;
        Span<Vector256<double>> psiRe = stackalloc Vector256<double>[d];
        Span<Vector256<double>> psiIm = stackalloc Vector256<double>[d];
        Span<Vector256<double>> outRe = stackalloc Vector256<double>[d];
        Span<Vector256<double>> outIm = stackalloc Vector256<double>[d];
        Span<Vector256<double>> newRe = stackalloc Vector256<double>[d];
        Span<Vector256<double>> newIm = stackalloc Vector256<double>[d];
        var accumulators = MemoryMarshal.Cast<double, Vector256<double>>(cross.AsSpan());
        var run = 1 << block.BitsAscending[0];
        var groups = pr.Length >> block.Qubits;
        for (var t = 0; t < groups; t += run)
        {
            var first = Expand(t, block.BitsAscending);
            for (var v = first; v < first + run; v++)
            {
                for (var a = 0; a < d; a++)
                {
                    outRe[a] = pr[v + offsets[a]];
                    outIm[a] = pi[v + offsets[a]];
                }

                Multiply(mr, mi, outRe, outIm, psiRe, psiIm, d);
                for (var a = 0; a < d; a++)
                {
                    pr[v + offsets[a]] = psiRe[a];
                    pi[v + offsets[a]] = psiIm[a];
                }

                for (var l = 0; l < lambdaCount; l++)
                {
                    var lr = Rows(lambdas[l].Re, start, length, lanes);
                    var li = Rows(lambdas[l].Im, start, length, lanes);
                    for (var a = 0; a < d; a++)
                    {
                        outRe[a] = lr[v + offsets[a]];
                        outIm[a] = li[v + offsets[a]];
                    }

                    var accumulatorRe = accumulators.Slice(2 * dd * l, dd);
                    var accumulatorIm = accumulators.Slice((2 * dd * l) + dd, dd);
                    for (var b = 0; b < d; b++)
                    {
                        Vector256<double> xr = psiRe[b], xi = psiIm[b];
                        for (var a = 0; a < d; a++)
                        {
                            // ψ_in[b] · conj(λ_out[a])
                            accumulatorRe[(b * d) + a] = Mac.Add(xi, outIm[a], Mac.Add(xr, outRe[a], accumulatorRe[(b * d) + a]));
                            accumulatorIm[(b * d) + a] = Mac.Subtract(xr, outIm[a], Mac.Add(xi, outRe[a], accumulatorIm[(b * d) + a]));
                        }
                    }

                    Multiply(mr, mi, outRe, outIm, newRe, newIm, d);
                    for (var a = 0; a < d; a++)
                    {
                        lr[v + offsets[a]] = newRe[a];
                        li[v + offsets[a]] = newIm[a];
                    }
                }
            }
        }
    }

    // The two-qubit case of UnapplyAccumulating in straight-line code: ψ and λ rows in locals, C's
    // sixteen entries updated in place (they do not all fit in registers).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UnapplyAccumulating4(FusedBlock block, double[] adjointRe, double[] adjointIm, StateBatch psi, StateBatch[] lambdas,
        int lambdaCount,
        int start, int length, double[] cross)
    {
        var lanes = psi.Lanes;
        var mr = MemoryMarshal.Cast<double, Vector256<double>>(adjointRe.AsSpan());
        var mi = MemoryMarshal.Cast<double, Vector256<double>>(adjointIm.AsSpan());
        ref var pr = ref MemoryMarshal.GetReference(Rows(psi.Re, start, length, lanes));
        ref var pi = ref MemoryMarshal.GetReference(Rows(psi.Im, start, length, lanes));
        int o1 = block.Offsets[1], o2 = block.Offsets[2], o3 = block.Offsets[3];
        var run = 1 << block.BitsAscending[0];
        var groups = length >> 2;
        for (var l = 0; l < lambdaCount; l++)
        {
            // One λ at a time keeps the working set small; ψ is un-applied with the first.
            ref var lr = ref MemoryMarshal.GetReference(Rows(lambdas[l].Re, start, length, lanes));
            ref var li = ref MemoryMarshal.GetReference(Rows(lambdas[l].Im, start, length, lanes));
            ref var accumulators =
                ref MemoryMarshal.GetReference(MemoryMarshal.Cast<double, Vector256<double>>(cross.AsSpan(2 * 16 * lanes * l, 2 * 16 * lanes)));
            var unapplyPsi = l == 0;
            for (var t = 0; t < groups; t += run)
            {
                var first = Expand(t, block.BitsAscending);
                for (var v = first; v < first + run; v++)
                {
                    // ψ_in = M† ψ_out (already un-applied when this is not the first λ).
                    Vector256<double> p0r = Unsafe.Add(ref pr, v), p0i = Unsafe.Add(ref pi, v);
                    Vector256<double> p1r = Unsafe.Add(ref pr, v + o1), p1i = Unsafe.Add(ref pi, v + o1);
                    Vector256<double> p2r = Unsafe.Add(ref pr, v + o2), p2i = Unsafe.Add(ref pi, v + o2);
                    Vector256<double> p3r = Unsafe.Add(ref pr, v + o3), p3i = Unsafe.Add(ref pi, v + o3);
                    if (unapplyPsi)
                    {
                        var (a0r, a0i) = Row4(mr, mi, 0, p0r, p0i, p1r, p1i, p2r, p2i, p3r, p3i);
                        var (a1r, a1i) = Row4(mr, mi, 4, p0r, p0i, p1r, p1i, p2r, p2i, p3r, p3i);
                        var (a2r, a2i) = Row4(mr, mi, 8, p0r, p0i, p1r, p1i, p2r, p2i, p3r, p3i);
                        var (a3r, a3i) = Row4(mr, mi, 12, p0r, p0i, p1r, p1i, p2r, p2i, p3r, p3i);
                        (p0r, p0i, p1r, p1i, p2r, p2i, p3r, p3i) = (a0r, a0i, a1r, a1i, a2r, a2i, a3r, a3i);
                        (Unsafe.Add(ref pr, v), Unsafe.Add(ref pi, v)) = (p0r, p0i);
                        (Unsafe.Add(ref pr, v + o1), Unsafe.Add(ref pi, v + o1)) = (p1r, p1i);
                        (Unsafe.Add(ref pr, v + o2), Unsafe.Add(ref pi, v + o2)) = (p2r, p2i);
                        (Unsafe.Add(ref pr, v + o3), Unsafe.Add(ref pi, v + o3)) = (p3r, p3i);
                    }

                    Vector256<double> x0r = Unsafe.Add(ref lr, v), x0i = Unsafe.Add(ref li, v);
                    Vector256<double> x1r = Unsafe.Add(ref lr, v + o1), x1i = Unsafe.Add(ref li, v + o1);
                    Vector256<double> x2r = Unsafe.Add(ref lr, v + o2), x2i = Unsafe.Add(ref li, v + o2);
                    Vector256<double> x3r = Unsafe.Add(ref lr, v + o3), x3i = Unsafe.Add(ref li, v + o3);
                    Accumulate(ref accumulators, 0, p0r, p0i, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                    Accumulate(ref accumulators, 4, p1r, p1i, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                    Accumulate(ref accumulators, 8, p2r, p2i, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                    Accumulate(ref accumulators, 12, p3r, p3i, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                    (Unsafe.Add(ref lr, v), Unsafe.Add(ref li, v)) = Row4(mr, mi, 0, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                    (Unsafe.Add(ref lr, v + o1), Unsafe.Add(ref li, v + o1)) = Row4(mr, mi, 4, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                    (Unsafe.Add(ref lr, v + o2), Unsafe.Add(ref li, v + o2)) = Row4(mr, mi, 8, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                    (Unsafe.Add(ref lr, v + o3), Unsafe.Add(ref li, v + o3)) = Row4(mr, mi, 12, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                }
            }
        }
    }

    // C[b][a] += ψ_in[b] · conj(λ_out[a]) for a = 0 … 3 (entries at + b*4 + a; imaginary parts 16 further on).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ref Vector256<double> c, int row, Vector256<double> xr, Vector256<double> xi,
        Vector256<double> l0r, Vector256<double> l0i, Vector256<double> l1r, Vector256<double> l1i,
        Vector256<double> l2r, Vector256<double> l2i, Vector256<double> l3r, Vector256<double> l3i)
    {
        ref var re = ref Unsafe.Add(ref c, row);
        ref var im = ref Unsafe.Add(ref c, 16 + row);
        re = Mac.Add(xi, l0i, Mac.Add(xr, l0r, re));
        im = Mac.Subtract(xr, l0i, Mac.Add(xi, l0r, im));
        Unsafe.Add(ref re, 1) = Mac.Add(xi, l1i, Mac.Add(xr, l1r, Unsafe.Add(ref re, 1)));
        Unsafe.Add(ref im, 1) = Mac.Subtract(xr, l1i, Mac.Add(xi, l1r, Unsafe.Add(ref im, 1)));
        Unsafe.Add(ref re, 2) = Mac.Add(xi, l2i, Mac.Add(xr, l2r, Unsafe.Add(ref re, 2)));
        Unsafe.Add(ref im, 2) = Mac.Subtract(xr, l2i, Mac.Add(xi, l2r, Unsafe.Add(ref im, 2)));
        Unsafe.Add(ref re, 3) = Mac.Add(xi, l3i, Mac.Add(xr, l3r, Unsafe.Add(ref re, 3)));
        Unsafe.Add(ref im, 3) = Mac.Subtract(xr, l3i, Mac.Add(xi, l3r, Unsafe.Add(ref im, 3)));
    }

    /// <summary>⟨Z⟩ of every qubit for every lane in one pass: ⟨Z_q⟩ = total − 2 · (probability mass with q's bit set).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ExpectationsZ(StateBatch state, int count, Span<double> output)
    {
        var n = state.Qubits;
        var re = MemoryMarshal.Cast<double, Vector256<double>>(state.Re.AsSpan());
        var im = MemoryMarshal.Cast<double, Vector256<double>>(state.Im.AsSpan());
        Span<Vector256<double>> setMass = stackalloc Vector256<double>[n];
        setMass.Clear();
        var total = Vector256<double>.Zero;
        for (var row = 0; row < re.Length; row++)
        {
            var p = Mac.Add(im[row], im[row], re[row] * re[row]);
            total += p;
            for (var bits = (uint)row; bits != 0; bits &= bits - 1)
            {
                setMass[BitOperations.TrailingZeroCount(bits)] += p;
            }
        }

        for (var q = 0; q < n; q++)
        {
            var z = total - (2 * setMass[state.BitOf(q)]);
            for (var l = 0; l < count; l++)
            {
                output[(l * n) + q] = z.GetElement(l);
            }
        }
    }

    /// <summary>⟨P⟩ of every lane for the Pauli string <paramref name="pauli"/>: Re(i^y · Σ_i sign(i) conj(ψ[i ⊕ f]) ψ[i]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Expectation(StateBatch state, PauliMasks pauli, int count, Span<double> output, int outputs, int o)
    {
        var re = MemoryMarshal.Cast<double, Vector256<double>>(state.Re.AsSpan());
        var im = MemoryMarshal.Cast<double, Vector256<double>>(state.Im.AsSpan());
        Vector256<double> sumRe = Vector256<double>.Zero, sumIm = Vector256<double>.Zero;
        for (var i = 0; i < re.Length; i++)
        {
            var j = i ^ pauli.FlipMask;
            var sign = Vector256.Create(pauli.SignAt(i));
            sumRe += sign * Mac.Add(im[j], im[i], re[j] * re[i]);
            sumIm += sign * Mac.Subtract(im[j], re[i], re[j] * im[i]);
        }

        var value = (pauli.YCount & 3) switch
        {
            0 => sumRe,
            1 => -sumIm,
            2 => -sumRe,
            _ => sumIm,
        };
        for (var l = 0; l < count; l++)
        {
            output[(l * outputs) + o] = value.GetElement(l);
        }
    }

    /// <summary>target += w ∘ P|ψ⟩ lane by lane, with (P|ψ⟩)[i ⊕ f] = i^y sign(i) ψ[i]; w is one weight per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddPauliTimes(StateBatch psi, PauliMasks pauli, Vector256<double> w, StateBatch target)
    {
        var re = MemoryMarshal.Cast<double, Vector256<double>>(psi.Re.AsSpan());
        var im = MemoryMarshal.Cast<double, Vector256<double>>(psi.Im.AsSpan());
        var targetRe = MemoryMarshal.Cast<double, Vector256<double>>(target.Re.AsSpan());
        var targetIm = MemoryMarshal.Cast<double, Vector256<double>>(target.Im.AsSpan());
        for (var i = 0; i < re.Length; i++)
        {
            var (fr, fi) = pauli.FactorAt(i);
            var j = i ^ pauli.FlipMask;
            targetRe[j] += w * ((fr * re[i]) - (fi * im[i]));
            targetIm[j] += w * ((fr * im[i]) + (fi * re[i]));
        }
    }

    /// <summary>
    /// λ[row] = (Σ_q g_q · (±1 as qubit q's bit is 0 or 1)) ∘ ψ[row] for per-lane output gradients g
    /// (<paramref name="weights"/>: qubit q's lane weights at [q * lanes]), the weight split into a
    /// table for the low eight row bits and one for the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ZWeighted(StateBatch psi, ReadOnlySpan<double> weights, StateBatch lambda)
    {
        var n = psi.Qubits;
        var g = MemoryMarshal.Cast<double, Vector256<double>>(weights);
        var lowBits = Math.Min(n, 8);
        var total = Vector256<double>.Zero;
        var byBit = new Vector256<double>[n];
        for (var q = 0; q < n; q++)
        {
            total += g[q];
            byBit[psi.BitOf(q)] = g[q];
        }

        var low = new Vector256<double>[1 << lowBits];
        var high = new Vector256<double>[1 << (n - lowBits)];
        for (var x = 0; x < low.Length; x++)
        {
            for (var b = 0; b < lowBits; b++)
            {
                low[x] += ((x >> b) & 1) == 1 ? byBit[b] : Vector256<double>.Zero;
            }
        }

        for (var x = 0; x < high.Length; x++)
        {
            for (var b = lowBits; b < n; b++)
            {
                high[x] += ((x >> (b - lowBits)) & 1) == 1 ? byBit[b] : Vector256<double>.Zero;
            }
        }

        var re = MemoryMarshal.Cast<double, Vector256<double>>(psi.Re.AsSpan());
        var im = MemoryMarshal.Cast<double, Vector256<double>>(psi.Im.AsSpan());
        var lr = MemoryMarshal.Cast<double, Vector256<double>>(lambda.Re.AsSpan());
        var li = MemoryMarshal.Cast<double, Vector256<double>>(lambda.Im.AsSpan());
        var mask = low.Length - 1;
        for (var row = 0; row < re.Length; row++)
        {
            var w = total - (2 * (low[row & mask] + high[row >> lowBits]));
            lr[row] = w * re[row];
            li[row] = w * im[row];
        }
    }

    private static Span<Vector256<double>> Rows(double[] values, int start, int length, int lanes) =>
        MemoryMarshal.Cast<double, Vector256<double>>(values.AsSpan(start * lanes, length * lanes));

    // The t-th row with every block bit clear: insert a zero at each block bit, lowest first.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Expand(int t, int[] ascending)
    {
        foreach (var b in ascending)
        {
            t = ((t >> b) << (b + 1)) | (t & ((1 << b) - 1));
        }

        return t;
    }

    // One qubit: pairs of rows (i, i + stride), contiguous runs of stride rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dense2(int bit, ReadOnlySpan<Vector256<double>> cr, ReadOnlySpan<Vector256<double>> ci, Span<Vector256<double>> vre,
        Span<Vector256<double>> vim)
    {
        var stride = 1 << bit;
        ref var re = ref MemoryMarshal.GetReference(vre);
        ref var im = ref MemoryMarshal.GetReference(vim);
        for (var block = 0; block < vre.Length; block += 2 * stride)
        {
            for (var i = block; i < block + stride; i++)
            {
                ref var xr = ref Unsafe.Add(ref re, i);
                ref var xi = ref Unsafe.Add(ref im, i);
                ref var yr = ref Unsafe.Add(ref re, i + stride);
                ref var yi = ref Unsafe.Add(ref im, i + stride);
                Vector256<double> pr = xr, pi = xi, qr = yr, qi = yi;
                xr = Mac.Subtract(ci[1], qi, Mac.Add(cr[1], qr, Mac.Subtract(ci[0], pi, cr[0] * pr)));
                xi = Mac.Add(ci[1], qr, Mac.Add(cr[1], qi, Mac.Add(ci[0], pr, cr[0] * pi)));
                yr = Mac.Subtract(ci[3], qi, Mac.Add(cr[3], qr, Mac.Subtract(ci[2], pi, cr[2] * pr)));
                yi = Mac.Add(ci[3], qr, Mac.Add(cr[3], qi, Mac.Add(ci[2], pr, cr[2] * pi)));
            }
        }
    }

    // Two qubits: groups of four rows, contiguous runs below the lower bit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dense4(FusedBlock block, ReadOnlySpan<Vector256<double>> cr, ReadOnlySpan<Vector256<double>> ci, Span<Vector256<double>> vre,
        Span<Vector256<double>> vim)
    {
        int o1 = block.Offsets[1], o2 = block.Offsets[2], o3 = block.Offsets[3];
        var run = 1 << block.BitsAscending[0];
        var groups = vre.Length >> 2;
        ref var re = ref MemoryMarshal.GetReference(vre);
        ref var im = ref MemoryMarshal.GetReference(vim);
        for (var t = 0; t < groups; t += run)
        {
            var first = Expand(t, block.BitsAscending);
            for (var v = first; v < first + run; v++)
            {
                Vector256<double> x0r = Unsafe.Add(ref re, v), x0i = Unsafe.Add(ref im, v);
                Vector256<double> x1r = Unsafe.Add(ref re, v + o1), x1i = Unsafe.Add(ref im, v + o1);
                Vector256<double> x2r = Unsafe.Add(ref re, v + o2), x2i = Unsafe.Add(ref im, v + o2);
                Vector256<double> x3r = Unsafe.Add(ref re, v + o3), x3i = Unsafe.Add(ref im, v + o3);
                (Unsafe.Add(ref re, v), Unsafe.Add(ref im, v)) = Row4(cr, ci, 0, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                (Unsafe.Add(ref re, v + o1), Unsafe.Add(ref im, v + o1)) = Row4(cr, ci, 4, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                (Unsafe.Add(ref re, v + o2), Unsafe.Add(ref im, v + o2)) = Row4(cr, ci, 8, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
                (Unsafe.Add(ref re, v + o3), Unsafe.Add(ref im, v + o3)) = Row4(cr, ci, 12, x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i);
            }
        }
    }

    // Row c/4 of a 4×4 matrix of coefficient vectors times four amplitude vectors.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Re, Vector256<double> Im) Row4(ReadOnlySpan<Vector256<double>> mr, ReadOnlySpan<Vector256<double>> mi, int c,
        Vector256<double> x0r, Vector256<double> x0i, Vector256<double> x1r, Vector256<double> x1i,
        Vector256<double> x2r, Vector256<double> x2i, Vector256<double> x3r, Vector256<double> x3i)
    {
        var sr = mr[c] * x0r;
        var si = mr[c] * x0i;
        sr = Mac.Subtract(mi[c], x0i, sr);
        si = Mac.Add(mi[c], x0r, si);
        sr = Mac.Subtract(mi[c + 1], x1i, Mac.Add(mr[c + 1], x1r, sr));
        si = Mac.Add(mi[c + 1], x1r, Mac.Add(mr[c + 1], x1i, si));
        sr = Mac.Subtract(mi[c + 2], x2i, Mac.Add(mr[c + 2], x2r, sr));
        si = Mac.Add(mi[c + 2], x2r, Mac.Add(mr[c + 2], x2i, si));
        sr = Mac.Subtract(mi[c + 3], x3i, Mac.Add(mr[c + 3], x3r, sr));
        si = Mac.Add(mi[c + 3], x3r, Mac.Add(mr[c + 3], x3i, si));
        return (sr, si);
    }

    // Any block size (three-qubit blocks around a CCX).
    private static void DenseAny(FusedBlock block, ReadOnlySpan<Vector256<double>> cr, ReadOnlySpan<Vector256<double>> ci,
        Span<Vector256<double>> vre, Span<Vector256<double>> vim)
    {
        var d = block.Offsets.Length;
        Span<Vector256<double>> xr = stackalloc Vector256<double>[d];
        Span<Vector256<double>> xi = stackalloc Vector256<double>[d];
        Span<Vector256<double>> yr = stackalloc Vector256<double>[d];
        Span<Vector256<double>> yi = stackalloc Vector256<double>[d];
        var groups = vre.Length / d;
        for (var t = 0; t < groups; t++)
        {
            var v = Expand(t, block.BitsAscending);
            for (var a = 0; a < d; a++)
            {
                xr[a] = vre[v + block.Offsets[a]];
                xi[a] = vim[v + block.Offsets[a]];
            }

            Multiply(cr, ci, xr, xi, yr, yi, d);
            for (var a = 0; a < d; a++)
            {
                vre[v + block.Offsets[a]] = yr[a];
                vim[v + block.Offsets[a]] = yi[a];
            }
        }
    }

    // y = M x for one group of d rows.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Multiply(ReadOnlySpan<Vector256<double>> mr, ReadOnlySpan<Vector256<double>> mi, ReadOnlySpan<Vector256<double>> xr,
        ReadOnlySpan<Vector256<double>> xi,
        Span<Vector256<double>> yr, Span<Vector256<double>> yi, int d)
    {
        for (var r = 0; r < d; r++)
        {
            Vector256<double> sr = Vector256<double>.Zero, si = Vector256<double>.Zero;
            for (var c = 0; c < d; c++)
            {
                Vector256<double> ar = mr[(r * d) + c], ai = mi[(r * d) + c];
                sr = Mac.Subtract(ai, xi[c], Mac.Add(ar, xr[c], sr));
                si = Mac.Add(ai, xr[c], Mac.Add(ar, xi[c], si));
            }

            yr[r] = sr;
            yi[r] = si;
        }
    }
}
