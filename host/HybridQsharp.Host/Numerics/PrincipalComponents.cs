using HybridQsharp.Classical.Torch;
using static TorchSharp.torch;

namespace HybridQsharp.Host.Numerics;

/// <summary>
/// Principal component analysis: the sample covariance (n - 1) and its symmetric
/// eigen-decomposition by libtorch's <c>torch.linalg.eigh</c> (LAPACK syevd), in float64.
/// Components are unit vectors sorted by decreasing variance, each signed so its largest entry is positive.
/// </summary>
public sealed class PrincipalComponents
{
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

    /// <exception cref="NumericsInputException">Fewer than two rows, ragged rows, or more components than dimensions.</exception>
    public static PrincipalComponents Fit(IReadOnlyList<double[]> rows, int components)
    {
        if (rows.Count < 2)
        {
            throw new NumericsInputException($"PCA needs at least 2 vectors; got {rows.Count}.");
        }

        var d = rows[0].Length;
        if (components < 1 || components > d)
        {
            throw new NumericsInputException($"PCA of {d}-dimensional vectors cannot give {components} components.");
        }

        var flat = new double[rows.Count * d];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d)
            {
                throw new NumericsInputException($"PCA input is ragged: {rows[i].Length} values where {d} were expected.");
            }

            rows[i].CopyTo(flat, i * d);
        }

        TorchNativeLibrary.EnsureLoaded();
        using var scope = NewDisposeScope();
        var x = tensor(flat, [rows.Count, d], ScalarType.Float64);
        var mean = x.mean([0]);
        var centred = x - mean;
        var covariance = centred.t().matmul(centred) / (rows.Count - 1);

        // eigh returns eigenvalues in ascending order with the eigenvectors as columns.
        var (values, vectors) = linalg.eigh(covariance);
        var eigenvalues = values.data<double>().ToArray();
        var columns = vectors.contiguous().data<double>().ToArray();
        var picked = new double[components][];
        var variances = new double[components];
        for (var k = 0; k < components; k++)
        {
            var column = d - 1 - k;
            var v = new double[d];
            var largest = 0;
            for (var j = 0; j < d; j++)
            {
                v[j] = columns[(j * d) + column];
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
            variances[k] = Math.Max(eigenvalues[column], 0);
        }

        return new PrincipalComponents(mean.data<double>().ToArray(), picked, variances, covariance.trace().item<double>());
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
