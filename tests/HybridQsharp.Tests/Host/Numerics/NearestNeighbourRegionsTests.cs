using HybridQsharp.Host.Numerics;

namespace HybridQsharp.Tests.Host.Numerics;

public sealed class NearestNeighbourRegionsTests
{
    [Fact]
    public void SplitsThePlaneBetweenTwoClusters()
    {
        // Class 0 around x = -1, class 1 around x = +1, with one class-1 outlier inside class 0 that a 3-NN vote outvotes.
        double[][] points = [[-1, 0], [-1.1, 0.5], [-0.9, -0.5], [-1, 0.1], [1, 0], [1.1, 0.5], [0.9, -0.5], [-1.05, -0.05]];
        int[] labels = [0, 0, 0, 0, 1, 1, 1, 1];

        var regions = NearestNeighbourRegions.Classify(points, labels, classes: 2, k: 3, columns: 21, rows: 11);

        Assert.Equal(0, regions.Cells[0, 5]);   // far left
        Assert.Equal(1, regions.Cells[20, 5]);  // far right
        Assert.Equal(0, regions.Cells[1, 5]);   // near the outlier: still class 0 by vote
        Assert.True(regions.MinX < -1.1 && regions.MaxX > 1.1);

        var k1 = NearestNeighbourRegions.Classify(points, labels, classes: 2, k: 1, columns: 201, rows: 101);
        var atOutlier = (int)Math.Round((-1.05 - k1.MinX) / (k1.MaxX - k1.MinX) * 200);
        var row = (int)Math.Round((-0.05 - k1.MinY) / (k1.MaxY - k1.MinY) * 100);
        Assert.Equal(1, k1.Cells[atOutlier, row]); // with k = 1 the outlier owns its own cell
    }
}
