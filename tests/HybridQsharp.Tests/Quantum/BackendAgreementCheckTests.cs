using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

[Collection(QsharpCollection.Name)]
public sealed class BackendAgreementCheckTests(QsharpRuntimeFixture fixture)
{
    [Fact]
    public async Task NativeAgreesWithQsharpOnThePaperTape()
    {
        var tape = await fixture.Lifter.LiftAsync(BuiltInClassifiers.Paper());
        var worst = await BackendAgreementCheck.VerifyAsync(tape, new QsharpBackend(fixture.Runtime), new NativeBackend(new StateVectorSimulator()));
        Assert.InRange(worst, 0, 1e-9);
    }

    [Fact]
    public async Task ADifferentCircuitIsCaught()
    {
        var tape = await fixture.Lifter.LiftAsync(BuiltInClassifiers.Paper());
        var wrong = new TamperedBackend(new NativeBackend(new StateVectorSimulator()));
        var thrown = await Assert.ThrowsAsync<BackendDisagreementException>(
            () => BackendAgreementCheck.VerifyAsync(tape, new NativeBackend(new StateVectorSimulator()), wrong));
        Assert.Contains("tampered", thrown.Message);
    }

    /// <summary>Test double: a backend that drops the last gate's angle, as a lifting bug would.</summary>
    private sealed class TamperedBackend(IQuantumBackend inner) : IQuantumBackend
    {
        public string Name => "tampered";

        public ValueTask<double[]> ExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits,
            CancellationToken cancellationToken = default)
        {
            var copy = angles.ToArray();
            for (var c = 0; c < circuits; c++)
            {
                copy[((c + 1) * tape.AngleCount) - 1] = 0;
            }

            return inner.ExpectationsAsync(tape, copy, circuits, cancellationToken);
        }
    }
}
