using HybridQsharp.Host.Numerics;

namespace HybridQsharp.Tests.Host.Numerics;

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

    [Theory]
    [InlineData(12, 200, 7)]
    [InlineData(80, 300, 9)]
    [InlineData(256, 400, 11)]
    public void AgreesWithAJacobiReferenceOnRandomData(int dimensions, int points, int seed)
    {
        // Correlated data: a few strong directions plus noise, so the leading eigenvalues are well separated.
        var random = new Random(seed);
        var directions =
            Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, dimensions).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        var rows = Enumerable.Range(0, points).Select(_ =>
        {
            var weights = new[] { 6 * (random.NextDouble() - 0.5), 3 * (random.NextDouble() - 0.5), 1.5 * (random.NextDouble() - 0.5) };
            return Enumerable.Range(0, dimensions)
                .Select(k => weights.Select((w, i) => w * directions[i][k]).Sum() + 0.05 * (random.NextDouble() - 0.5)).ToArray();
        }).ToList();

        var pca = PrincipalComponents.Fit(rows, 3);

        var mean = Enumerable.Range(0, dimensions).Select(k => rows.Average(r => r[k])).ToArray();
        var covariance = new double[dimensions, dimensions];
        foreach (var row in rows)
        {
            for (var i = 0; i < dimensions; i++)
            {
                for (var j = 0; j < dimensions; j++)
                {
                    covariance[i, j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (rows.Count - 1);
                }
            }
        }

        var (values, vectors) = JacobiEigenReference.Decompose(covariance);
        Assert.Equal(values.Sum(), pca.TotalVariance, 8);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(values[k], pca.Variances[k], 8);
            var dot = Enumerable.Range(0, dimensions).Sum(i => vectors[i, k] * pca.Components[k][i]);
            Assert.Equal(1.0, Math.Abs(dot), 8);
            Assert.True(pca.Components[k].MaxBy(Math.Abs) > 0, "each component is signed so its largest entry is positive");
        }
    }

    [Fact]
    public void BadInputIsRefusedWithAReason()
    {
        Assert.Contains("at least 2", Assert.Throws<NumericsInputException>(() => PrincipalComponents.Fit([[1.0, 2.0]], 1)).Message);
        Assert.Contains("ragged", Assert.Throws<NumericsInputException>(() => PrincipalComponents.Fit([[1.0, 2.0], [1.0]], 1)).Message);
        Assert.Contains("cannot give 3", Assert.Throws<NumericsInputException>(() => PrincipalComponents.Fit([[1.0, 2.0], [3.0, 1.0]], 3)).Message);
    }
}
