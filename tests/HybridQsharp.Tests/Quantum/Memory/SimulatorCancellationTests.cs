using HybridQsharp.Quantum.Simulation;

namespace HybridQsharp.Tests.Quantum.Memory;

/// <summary>Cancellation reaches every worker of the simulator at its next circuit, not at the end of its share.</summary>
public sealed class SimulatorCancellationTests
{
    [Fact]
    public void ParallelWorkersStopAtTheirNextCircuit()
    {
        var simulator = new StateVectorSimulator(maxDegreeOfParallelism: 2);
        using var cancellation = new CancellationTokenSource();
        var started = 0;

        // Work enough for every worker; the first item to start cancels.
        Assert.ThrowsAny<OperationCanceledException>(() => simulator.ForEach(1_000, long.MaxValue, () => 0, cancellation.Token, (_, _) =>
        {
            if (Interlocked.Increment(ref started) == 1)
            {
                cancellation.Cancel();
            }
        }));

        Assert.InRange(started, 1, 2);
    }
}
