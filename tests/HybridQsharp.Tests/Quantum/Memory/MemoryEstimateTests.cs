using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Memory;

namespace HybridQsharp.Tests.Quantum.Memory;

/// <summary>The memory estimate against hand-computed sizes, and the plan's chunking and refusals.</summary>
public sealed class MemoryEstimateTests
{
    private static readonly MemoryBudget SixteenGigabytes = MemoryBudget.FromMegabytes(16 * 1024);

    [Theory]
    [InlineData(4, 53, 23)] // the paper tape: 15 RY + 8 RX + 22 + 8 CNOT (LiftingTests counts the lifted one)
    [InlineData(8, 781, 271)] // measured on the lifted 8-qubit classifier: 255 RY + 16 RX, 494 + 16 CNOT
    public void BuiltInGateCountsAreTheLiftedTapes(int qubits, long gates, long rotations)
    {
        var workload = Paper(qubits);

        Assert.Equal(gates, workload.GateCount);
        Assert.Equal(rotations, workload.RotationCount);
        Assert.Equal(rotations, workload.ParameterCount);
    }

    [Fact]
    public void APaperLayerCallIsTheSumOfItsArrays()
    {
        var call = MemoryEstimate.LayerCall(Paper(4), 64);

        // Jacobian 64·4·23 doubles three times; parameter and angle rows 64·(23+23) twice;
        // 64·(1 + 2·23) shifted rows of 23 angles and 4 expectations; 2 workers' 128 kB lane batches.
        const long expected = (64 * 4 * 23 * 24) + (64 * 46 * 16) + (64 * 47 * 23 * 8) + (64 * 47 * 4 * 8) + (2 * 131_072);
        Assert.Equal(expected, call);
    }

    [Fact]
    public void AdjointHoldsQubitsPlusTwoStatesPerWorker()
    {
        var workload = QuantumWorkload.ForBuiltIn(Encoding.Angle, Ansatz.BasicEntangler, 20, 2, 64, 2, GradientKind.Adjoint, BackendKind.Native);

        var call = MemoryEstimate.LayerCall(workload, 64);

        var states = 2L * 22 * (1L << 20) * 16;
        Assert.InRange(call, states, states + (16L << 20));
    }

    [Fact]
    public void TwentyQubitAmplitudeEncodingIsRefusedAtLiftingNamingWhatFits()
    {
        var thrown = Assert.Throws<MemoryBudgetExceededException>(() => MemoryPlan.Create(Paper(20), SixteenGigabytes, Paper));

        Assert.StartsWith("Lifting the classifier (20 qubits, 1,048,615 parameters", thrown.Message);
        Assert.Contains("1,048,618 QIR compilations", thrown.Message);
        Assert.Contains("more than the memory budget of 16 GB", thrown.Message);
        // n = 10: 1,046 compilations of 3,089 gates ≈ 6 GB fits; n = 11: 2,072 of 6,163 ≈ 24 GB does not.
        Assert.EndsWith("at most 10 qubits fit this configuration.", thrown.Message);
    }

    [Fact]
    public void ABatchThatDoesNotFitIsSplitIntoTheLargestCallsThatDo()
    {
        var workload = Paper(10);
        var budget = MemoryEstimate.LayerCall(workload, 20) + 1;

        var circuits = MemoryEstimate.CircuitsPerCall(workload, budget);

        Assert.Equal(20, circuits);
        Assert.True(MemoryEstimate.LayerCall(workload, 21) > budget);
        Assert.Equal(0, MemoryEstimate.CircuitsPerCall(workload, MemoryEstimate.LayerCall(workload, 1) - 1));
        Assert.Equal(64, MemoryEstimate.CircuitsPerCall(Paper(4), SixteenGigabytes.Bytes));
    }

    [Fact]
    public void ThePlanChunksTrainingWhenTheWholeBatchDoesNotFit()
    {
        // Batches of 1,024 on 10 qubits: 2,087 shifted rows of 1,043 angles per sample, 18 GB a batch, three times the lift.
        var workload = Paper(10) with { BatchSize = 1024 };
        var budget =
            new MemoryBudget(MemoryEstimate.BaselineBytes + MemoryEstimate.For(workload).TapeBytes + MemoryEstimate.Lift(workload) + (1L << 20));

        var plan = MemoryPlan.Create(workload, budget);

        Assert.InRange(plan.CircuitsPerCall, 200, 500);
        Assert.Contains($"quantum layer calls of {plan.CircuitsPerCall} samples", plan.Describe());
    }

    [Theory]
    [InlineData(4, 16)]
    [InlineData(14, 16)]
    [InlineData(16, 4)]
    [InlineData(18, 1)]
    [InlineData(20, 1)]
    public void TheAgreementCheckRunsFewerCircuitsOnLargeRegisters(int qubits, int circuits) =>
        Assert.Equal(circuits, MemoryEstimate.AgreementCircuitsFor(qubits, 16));

    [Fact]
    public void ImpossibleSizesSaturateInsteadOfOverflowing()
    {
        var estimate = MemoryEstimate.For(Paper(30));

        Assert.Equal(long.MaxValue, estimate.LiftBytes);
        Assert.True(estimate.PeakBytes > 0);
        Assert.Equal("8 EB", MemoryBudget.Format(long.MaxValue));
    }

    private static QuantumWorkload Paper(int qubits) =>
        QuantumWorkload.ForBuiltIn(Encoding.Amplitude, Ansatz.BasicEntangler, qubits, 2, 64, 2, GradientKind.ParameterShift, BackendKind.Native);
}
