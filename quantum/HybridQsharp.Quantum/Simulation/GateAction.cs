using System.Runtime.CompilerServices;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// A gate of a fused block as it acts on the block's local matrix: a rotation exp(-iθP/2) by its
/// generator P (a monomial: each row takes one other row times ±1 or ±i), so G·M = cos(θ/2) M − i
/// sin(θ/2) P·M needs one sine and cosine and no matrix product; a fixed gate by its constant matrix.
/// </summary>
internal sealed record GateAction(int AngleIndex, Monomial? Generator, SmallMatrix? Fixed)
{
    /// <summary>A fixed gate that only moves and phases amplitudes (X, CX, Z, S, T, CZ, …), applied by moving rows.</summary>
    private readonly Monomial? _fixedMonomial = Fixed is null ? null : Monomial.Of(Fixed);

    /// <summary>M ← G(θ) · M.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void LeftMultiply(SmallMatrix m, double angle, SmallMatrix work)
    {
        if (Generator is { } p)
        {
            var (s, c) = Math.SinCos(angle / 2);
            var n = m.Size;
            work.CopyFrom(m);
            for (var r = 0; r < n; r++)
            {
                // (P M)[r, :] = f_r M[src_r, :]; then c M − i s (P M).
                var (fr, fi, src) = (p.FactorRe[r], p.FactorIm[r], p.Source[r]);
                for (var col = 0; col < n; col++)
                {
                    double xr = work.Re[(src * n) + col], xi = work.Im[(src * n) + col];
                    double pr = (fr * xr) - (fi * xi), pi = (fr * xi) + (fi * xr);
                    m.Re[(r * n) + col] = (c * work.Re[(r * n) + col]) + (s * pi);
                    m.Im[(r * n) + col] = (c * work.Im[(r * n) + col]) - (s * pr);
                }
            }

            return;
        }

        if (_fixedMonomial is { } fixedMonomial)
        {
            Permute(fixedMonomial, m, work);
            return;
        }

        work.Multiply(Fixed!, m);
        m.CopyFrom(work);
    }

    /// <summary>M ← P · M for a rotation's generator.</summary>
    public void LeftMultiplyGenerator(SmallMatrix m, SmallMatrix work) => Permute(Generator!, m, work);

    // M ← P · M for a monomial P: row r becomes f_r times row src_r.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Permute(Monomial p, SmallMatrix m, SmallMatrix work)
    {
        var n = m.Size;
        work.CopyFrom(m);
        for (var r = 0; r < n; r++)
        {
            var (fr, fi, src) = (p.FactorRe[r], p.FactorIm[r], p.Source[r]);
            for (var col = 0; col < n; col++)
            {
                double xr = work.Re[(src * n) + col], xi = work.Im[(src * n) + col];
                m.Re[(r * n) + col] = (fr * xr) - (fi * xi);
                m.Im[(r * n) + col] = (fr * xi) + (fi * xr);
            }
        }
    }
}
