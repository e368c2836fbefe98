using HybridQsharp.Host.Numerics;

namespace HybridQsharp.Tests.Host.Numerics;

public sealed class TsneEmbeddingTests
{
    /// <summary>Three tight Gaussian clusters in 10-D with centres 10 apart.</summary>
    private static (List<double[]> Points, List<int> Labels) Clusters(int perCluster, int seed)
    {
        var random = new Random(seed);
        var points = new List<double[]>();
        var labels = new List<int>();
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < perCluster; i++)
            {
                var p = new double[10];
                for (var k = 0; k < p.Length; k++)
                {
                    p[k] = (k == c ? 10.0 : 0.0) + random.NextDouble() - 0.5;
                }

                points.Add(p);
                labels.Add(c);
            }
        }

        return (points, labels);
    }

    private static double NearestNeighbourAgreement(double[][] y, IReadOnlyList<int> labels)
    {
        var agree = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var best = -1;
            var bestDistance = double.PositiveInfinity;
            for (var j = 0; j < y.Length; j++)
            {
                var d = j == i ? double.PositiveInfinity : Math.Pow(y[i][0] - y[j][0], 2) + Math.Pow(y[i][1] - y[j][1], 2);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = j;
                }
            }

            agree += labels[best] == labels[i] ? 1 : 0;
        }

        return (double)agree / y.Length;
    }

    [Fact]
    public void SeparatesWellSeparatedClusters()
    {
        var (points, labels) = Clusters(40, seed: 3);

        var y = TsneEmbedding.Embed(points, new TsneOptions { Perplexity = 15, Iterations = 500, Seed = 1 });

        Assert.True(NearestNeighbourAgreement(y, labels) > 0.9);

        // Stronger than neighbours: every cluster's spread is small against the distance between cluster centres.
        var centres = Enumerable.Range(0, 3).Select(c =>
        {
            var members = y.Where((_, i) => labels[i] == c).ToList();
            return new[] { members.Average(p => p[0]), members.Average(p => p[1]) };
        }).ToList();
        var spread = Enumerable.Range(0, y.Length)
            .Max(i => Math.Sqrt(Math.Pow(y[i][0] - centres[labels[i]][0], 2) + Math.Pow(y[i][1] - centres[labels[i]][1], 2)));
        var closestCentres = new[] { (0, 1), (0, 2), (1, 2) }.Min(
            p => Math.Sqrt(Math.Pow(centres[p.Item1][0] - centres[p.Item2][0], 2) + Math.Pow(centres[p.Item1][1] - centres[p.Item2][1], 2)));
        Assert.True(closestCentres > 2 * spread, $"closest centres {closestCentres:F2}, largest spread {spread:F2}");
    }

    [Fact]
    public void SameSeedGivesSameEmbedding()
    {
        var (points, _) = Clusters(10, seed: 5);
        var options = new TsneOptions { Perplexity = 5, Iterations = 100, Seed = 9 };

        var a = TsneEmbedding.Embed(points, options);
        var b = TsneEmbedding.Embed(points, options);

        Assert.Equal(a.SelectMany(p => p), b.SelectMany(p => p));
    }

    [Fact]
    public void AffinitiesHaveTheRequestedPerplexity()
    {
        var (points, _) = Clusters(20, seed: 11);
        var n = points.Count;

        var p = TsneEmbedding.JointProbabilities(TsneEmbedding.SquaredDistances(points), 10, CancellationToken.None);

        // P sums to 1 and is symmetric.
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                total += p[i, j];
                Assert.Equal(p[i, j], p[j, i], 15);
            }
        }

        Assert.Equal(1.0, total, 6);

        // Each conditional row has entropy log(10) nats, computed here independently of the search.
        var conditional = TsneEmbedding.ConditionalProbabilities(TsneEmbedding.SquaredDistances(points), 10, CancellationToken.None);
        for (var i = 0; i < n; i++)
        {
            var entropy = 0.0;
            for (var j = 0; j < n; j++)
            {
                entropy -= conditional[i, j] > 0 ? conditional[i, j] * Math.Log(conditional[i, j]) : 0;
            }

            Assert.Equal(Math.Log(10), entropy, 4);
        }
    }
}
