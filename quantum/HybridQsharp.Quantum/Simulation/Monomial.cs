namespace HybridQsharp.Quantum.Simulation;

/// <summary>A matrix with exactly one non-zero entry per row and column: output row r takes Factor[r] · input Source[r].</summary>
internal sealed record Monomial(int[] Source, double[] FactorRe, double[] FactorIm)
{
    /// <summary>The rows the matrix changes; the others (source is itself, factor 1) need no write.</summary>
    public int[] MovingRows { get; } =
        Enumerable.Range(0, Source.Length).Where(r => Source[r] != r || FactorRe[r] != 1 || FactorIm[r] != 0).ToArray();

    public Monomial Inverse()
    {
        var n = Source.Length;
        var source = new int[n];
        var re = new double[n];
        var im = new double[n];
        for (var r = 0; r < n; r++)
        {
            // out[r] = f · in[s] inverts to in[s] = conj(f) · out[r] (|f| = 1).
            source[Source[r]] = r;
            re[Source[r]] = FactorRe[r];
            im[Source[r]] = -FactorIm[r];
        }

        return new Monomial(source, re, im);
    }

    /// <summary>The monomial form of <paramref name="m"/>, or null when some row has more or fewer than one non-zero entry.</summary>
    public static Monomial? Of(SmallMatrix m)
    {
        var n = m.Size;
        var source = new int[n];
        var re = new double[n];
        var im = new double[n];
        for (var r = 0; r < n; r++)
        {
            var found = -1;
            for (var c = 0; c < n; c++)
            {
                if (m.Re[(r * n) + c] != 0 || m.Im[(r * n) + c] != 0)
                {
                    if (found >= 0)
                    {
                        return null;
                    }

                    found = c;
                }
            }

            if (found < 0)
            {
                return null;
            }

            source[r] = found;
            re[r] = m.Re[(r * n) + found];
            im[r] = m.Im[(r * n) + found];
        }

        return new Monomial(source, re, im);
    }
}
