using HybridQsharp.Host.Figures;

namespace HybridQsharp.Tests.Host.Figures;

public sealed class PrincipalComponentsTests
{
    [Fact]
    public void MatchesHandComputedTwoDimensionalCase()
    {
        // (2,2), (-2,-2), (1,-1), (-1,1): mean 0; sums Sxx = Syy = 10, Sxy = 6, so with n - 1 = 3 the
        // covariance is [[10/3, 2], [2, 10/3]]: eigenvalues 16/3 along (1,1)/√2 and 4/3 along (1,-1)/√2.
        double[][] rows = [[2, 2], [-2, -2], [1, -1], [-1, 1]];

        var pca = PrincipalComponents.Fit(rows, 2);

        Assert.Equal(0, pca.Mean[0], 12);
        Assert.Equal(0, pca.Mean[1], 12);
        Assert.Equal(16.0 / 3, pca.Variances[0], 10);
        Assert.Equal(4.0 / 3, pca.Variances[1], 10);
        Assert.Equal(0.8, pca.ExplainedFraction(0), 10);
        var s = 1 / Math.Sqrt(2);
        Assert.Equal(s, pca.Components[0][0], 10);
        Assert.Equal(s, pca.Components[0][1], 10);
        Assert.Equal(Math.Abs(pca.Components[1][0]), Math.Abs(pca.Components[1][1]), 10);
        Assert.Equal(-pca.Components[1][0], pca.Components[1][1], 10);
        var projected = pca.Project([2, 2]);
        Assert.Equal(2 * Math.Sqrt(2), projected[0], 10);
        Assert.Equal(0, projected[1], 10);
    }

    [Fact]
    public void ShiftedDataHasTheSameComponentsAndItsMean()
    {
        double[][] rows = [[12, 7], [8, 3], [11, 4], [9, 6]];

        var pca = PrincipalComponents.Fit(rows, 1);

        Assert.Equal(10, pca.Mean[0], 12);
        Assert.Equal(5, pca.Mean[1], 12);
        Assert.Equal(16.0 / 3, pca.Variances[0], 10);
    }

    [Fact]
    public void JacobiReproducesARandomSymmetricMatrix()
    {
        var random = new Random(7);
        const int n = 12;
        var a = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                a[i, j] = a[j, i] = random.NextDouble() * 2 - 1;
            }
        }

        var (values, vectors) = SymmetricEigen.Decompose(a);

        for (var k = 1; k < n; k++)
        {
            Assert.True(values[k - 1] >= values[k]);
        }

        // A v_k = λ_k v_k and V orthonormal.
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                var av = 0.0;
                for (var j = 0; j < n; j++)
                {
                    av += a[i, j] * vectors[j, k];
                }

                Assert.Equal(values[k] * vectors[i, k], av, 10);
            }

            for (var m = 0; m < n; m++)
            {
                var dot = 0.0;
                for (var i = 0; i < n; i++)
                {
                    dot += vectors[i, k] * vectors[i, m];
                }

                Assert.Equal(k == m ? 1.0 : 0.0, dot, 10);
            }
        }

        var trace = 0.0;
        for (var i = 0; i < n; i++)
        {
            trace += a[i, i];
        }

        Assert.Equal(trace, values.Sum(), 10);
    }

    [Fact]
    public void SubspaceIterationFindsTheLeadingPairsOfAKnownSpectrum()
    {
        // A = Q diag(λ) Qᵀ with a random orthogonal Q (from Jacobi on a random matrix) and λ_k = 100 · 0.8^k.
        const int n = 90;
        var random = new Random(3);
        var r = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                r[i, j] = r[j, i] = random.NextDouble() - 0.5;
            }
        }

        var (_, q) = SymmetricEigen.Decompose(r);
        var lambda = Enumerable.Range(0, n).Select(k => 100 * Math.Pow(0.8, k)).ToArray();
        var a = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    a[i, j] += q[i, k] * lambda[k] * q[j, k];
                }
            }
        }

        var (values, vectors) = SymmetricEigen.Leading(a, 3);

        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(lambda[k], values[k], 8);
            var dot = 0.0;
            for (var i = 0; i < n; i++)
            {
                dot += vectors[i, k] * q[i, k];
            }

            Assert.Equal(1.0, Math.Abs(dot), 8);
        }
    }

    [Fact]
    public void WideFeaturesUseTheLeadingPairsAndAgreeWithJacobi()
    {
        // 80-dimensional data (above the Jacobi limit) with two strong directions.
        var random = new Random(9);
        var rows = Enumerable.Range(0, 300).Select(_ =>
        {
            var (s, t) = (random.NextDouble() * 6 - 3, random.NextDouble() * 3 - 1.5);
            return Enumerable.Range(0, 80).Select(k => s * (k % 2 == 0 ? 1 : 0) / Math.Sqrt(40) + t * (k < 40 ? 1 : -1) / Math.Sqrt(80) + 0.05 * (random.NextDouble() - 0.5)).ToArray();
        }).ToList();

        var pca = PrincipalComponents.Fit(rows, 2);

        var covariance = new double[80, 80];
        var mean = Enumerable.Range(0, 80).Select(k => rows.Average(r => r[k])).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < 80; i++)
            {
                for (var j = 0; j < 80; j++)
                {
                    covariance[i, j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (rows.Count - 1);
                }
            }
        }

        var (values, vectors) = SymmetricEigen.Decompose(covariance);
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(values[k], pca.Variances[k], 8);
            var dot = Enumerable.Range(0, 80).Sum(i => vectors[i, k] * pca.Components[k][i]);
            Assert.Equal(1.0, Math.Abs(dot), 8);
        }
    }
}
