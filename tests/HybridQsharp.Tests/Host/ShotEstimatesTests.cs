using HybridQsharp.Host.Inference;
using HybridQsharp.Host.Reports;

namespace HybridQsharp.Tests.Host;

public sealed class ShotEstimatesTests
{
    [Fact]
    public void ExpectationsFollowTheBigEndianBitOrder()
    {
        // 2 qubits, outcomes |00>, |01>, |10>, |11>: qubit 0 is the left (most significant) bit.
        var (z, se) = ShotEstimates.FromHistogram([50, 30, 20, 0], 2);
        Assert.Equal((50 + 30 - 20) / 100.0, z[0], 12);
        Assert.Equal((50 - 30 + 20) / 100.0, z[1], 12);
        Assert.Equal(Math.Sqrt((1 - (0.6 * 0.6)) / 100), se[0], 12);
    }

    [Fact]
    public void ADeterministicOutcomeHasZeroError()
    {
        var (z, se) = ShotEstimates.FromHistogram([0, 0, 0, 0, 0, 0, 0, 10], 3);
        Assert.Equal(new[] { -1.0, -1.0, -1.0 }, z);
        Assert.All(se, e => Assert.Equal(0, e));
    }

    [Fact]
    public void AWrongSizedHistogramIsRefused() =>
        Assert.Throws<ArgumentException>(() => ShotEstimates.FromHistogram([1, 2, 3], 2));

    [Fact]
    public void MeanAndSampleStandardDeviation()
    {
        Assert.Equal("2.00 ± 1.00", RunMerge.MeanStd([1.0, 2.0, 3.0], percent: false));
        Assert.Equal("50.00 ± 0.00 %", RunMerge.MeanStd([0.5, null], percent: true));
        Assert.Equal("–", RunMerge.MeanStd([null], percent: false));
    }
}
