using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Memory;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Tests.Quantum.Memory;

/// <summary>The workload computed for a built-in classifier before compiling matches the tape the lifter makes of it.</summary>
[Collection(QsharpCollection.Name)]
public sealed class BuiltInWorkloadTests(QsharpRuntimeFixture fixture)
{
    [Theory]
    [InlineData(Encoding.Amplitude, Ansatz.BasicEntangler, 2, 1)]
    [InlineData(Encoding.Amplitude, Ansatz.BasicEntangler, 3, 2)]
    [InlineData(Encoding.Amplitude, Ansatz.StronglyEntangling, 3, 2)]
    [InlineData(Encoding.Angle, Ansatz.BasicEntangler, 2, 2)]
    [InlineData(Encoding.Angle, Ansatz.StronglyEntangling, 4, 1)]
    public async Task TheBuiltInFormulasCountTheLiftedTape(Encoding encoding, Ansatz ansatz, int qubits, int layers)
    {
        var tape = await fixture.Lifter.LiftAsync(BuiltInClassifiers.Create(encoding, ansatz, qubits, layers));

        var predicted = QuantumWorkload.ForBuiltIn(encoding, ansatz, qubits, layers, 64, 2, GradientKind.ParameterShift, BackendKind.Native);
        var lifted = QuantumWorkload.ForTape(tape, 64, 2, GradientKind.ParameterShift, BackendKind.Native);

        Assert.Equal(lifted, predicted);
    }

    [Fact]
    public async Task TheLifterRefusesWhatCannotFitBeforeCompilingAnything()
    {
        // A runtime that was never started: the refusal must come before any request.
        await using var runtime = new QsharpRuntime(Options.Create(new QsharpRuntimeOptions { NodePath = "/nonexistent/node" }));
        var lifter = new TapeLifter(runtime) { MemoryBudget = MemoryBudget.FromMegabytes(16 * 1024) };

        var thrown = await Assert.ThrowsAsync<MemoryBudgetExceededException>(() =>
            lifter.LiftAsync(BuiltInClassifiers.Create(Encoding.Amplitude, Ansatz.BasicEntangler, 20, 2)));

        Assert.Contains("1,048,618 QIR compilations", thrown.Message);
        Assert.Contains("more than the memory budget of 16 GB", thrown.Message);
        Assert.Null(runtime.ProcessId);
    }
}
