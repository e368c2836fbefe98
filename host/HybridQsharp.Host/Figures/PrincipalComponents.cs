namespace HybridQsharp.Host.Figures;

/// <summary>
/// Principal component analysis through the covariance matrix and its symmetric eigen-decomposition.
/// Components are unit vectors sorted by decreasing variance, each signed so its largest entry is positive.
/// </summary>
public sealed class PrincipalComponents
{
    private const int JacobiLimit = 64;

    private PrincipalComponents(double[] mean, double[][] components, double[] variances, double totalVariance)
    {
        Mean = mean;
        Components = components;
        Variances = variances;
        TotalVariance = totalVariance;
    }

    public double[] Mean { get; }

    /// <summary>Components[k] is the k-th principal direction.</summary>
    public double[][] Components { get; }

    /// <summary>The variance (sample, n - 1) along each component.</summary>
    public double[] Variances { get; }

    public double TotalVariance { get; }

    public double ExplainedFraction(int component) => TotalVariance == 0 ? 0 : Variances[component] / TotalVariance;

    public static PrincipalComponents Fit(IReadOnlyList<double[]> rows, int components)
    {
        if (rows.Count < 2)
        {
            throw new FigureInputException($"PCA needs at least 2 vectors; got {rows.Count}.");
        }

        var d = rows[0].Length;
        if (components < 1 || components > d)
        {
            throw new FigureInputException($"PCA of {d}-dimensional vectors cannot give {components} components.");
        }

        var mean = new double[d];
        foreach (var row in rows)
        {
            if (row.Length != d)
            {
                throw new FigureInputException($"PCA input is ragged: {row.Length} values where {d} were expected.");
            }

            for (var j = 0; j < d; j++)
            {
                mean[j] += row[j];
            }
        }

        for (var j = 0; j < d; j++)
        {
            mean[j] /= rows.Count;
        }

        var covariance = new double[d, d];
        var centred = new double[d];
        foreach (var row in rows)
        {
            for (var j = 0; j < d; j++)
            {
                centred[j] = row[j] - mean[j];
            }

            for (var a = 0; a < d; a++)
            {
                var ca = centred[a];
                for (var b = a; b < d; b++)
                {
                    covariance[a, b] += ca * centred[b];
                }
            }
        }

        var total = 0.0;
        for (var a = 0; a < d; a++)
        {
            for (var b = a; b < d; b++)
            {
                covariance[a, b] /= rows.Count - 1;
                covariance[b, a] = covariance[a, b];
            }

            total += covariance[a, a];
        }

        // Jacobi is exact but O(d³) per sweep: beyond 64 dimensions only the wanted leading pairs are computed.
        var (values, vectors) = d <= JacobiLimit ? SymmetricEigen.Decompose(covariance) : SymmetricEigen.Leading(covariance, components);
        var picked = new double[components][];
        for (var k = 0; k < components; k++)
        {
            var v = new double[d];
            var largest = 0;
            for (var j = 0; j < d; j++)
            {
                v[j] = vectors[j, k];
                if (Math.Abs(v[j]) > Math.Abs(v[largest]))
                {
                    largest = j;
                }
            }

            if (v[largest] < 0)
            {
                for (var j = 0; j < d; j++)
                {
                    v[j] = -v[j];
                }
            }

            picked[k] = v;
        }

        return new PrincipalComponents(mean, picked, values[..components].Select(v => Math.Max(v, 0)).ToArray(), total);
    }

    /// <summary>Coordinates of <paramref name="row"/> along each component.</summary>
    public double[] Project(double[] row)
    {
        var result = new double[Components.Length];
        for (var k = 0; k < Components.Length; k++)
        {
            var sum = 0.0;
            for (var j = 0; j < row.Length; j++)
            {
                sum += (row[j] - Mean[j]) * Components[k][j];
            }

            result[k] = sum;
        }

        return result;
    }
}
