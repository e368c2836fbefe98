using HybridQsharp.Host.Sweeps.Executors;

namespace HybridQsharp.Tests.Host.Sweeps;

public sealed class CellMemoryEstimateTests
{
    [Fact]
    public void AParallelThatFitsIsAccepted() => Assert.Null(CellMemoryEstimate.Refusal(4, ["mnist"], null, availableGigabytes: 8));

    [Fact]
    public void AParallelThatDoesNotFitIsOneLineWithWhatFits()
    {
        var refusal = CellMemoryEstimate.Refusal(4, ["mnist", "stl10"], null, availableGigabytes: 10);

        Assert.Equal("--parallel 4 needs about 4 × 4.0 GB for stl10 cells, but 10.0 GB of memory is available; use --parallel 2 or fewer "
            + "(or state a cell's need with --cell-memory GB)", refusal);
    }

    [Fact]
    public void AStatedNeedReplacesTheEstimate()
    {
        Assert.Null(CellMemoryEstimate.Refusal(3, ["stl10"], perCellGigabytes: 0.5, availableGigabytes: 2));
        Assert.Contains("free memory first", CellMemoryEstimate.Refusal(1, ["mnist"], perCellGigabytes: 3, availableGigabytes: 2));
    }

    [Fact]
    public void UnknownMemoryRefusesNothing() => Assert.Null(CellMemoryEstimate.Refusal(64, ["stl10"], null, availableGigabytes: null));

    [Fact]
    public void TheMachinesMemoryIsRead() => Assert.True(CellMemoryEstimate.AvailableGigabytes() is null or > 0);
}
