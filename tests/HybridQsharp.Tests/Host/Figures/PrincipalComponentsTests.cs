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
}
