using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>
/// Parameter shift against central finite differences and against adjoint differentiation, for Z on each qubit and for Pauli strings.
/// </summary>
[Collection(QsharpCollection.Name)]
public sealed class GradientTests(QsharpRuntimeFixture fixture)
{
    private readonly StateVectorSimulator _simulator = new();

    public static TheoryData<int, bool> CircuitIndices() => new()
    {
        { 0, false }, { 1, false }, { 2, false }, { 3, false }, { 4, false }, { 5, false }, { 6, false },
        { 1, true }, { 5, true }, { 6, true },
    };

    [Theory]
    [MemberData(nameof(CircuitIndices))]
    public async Task ParameterShiftEqualsFiniteDifferencesAndAdjoint(int index, bool pauliStrings)
    {
        var circuit = TestCircuits.BuiltIns().Append(TestCircuits.UserStyle).ElementAt(index);
        var tape = await fixture.Lifter.LiftAsync(circuit);
        if (pauliStrings)
        {
            tape = WithObservables(tape, "Z0 Z1", "X1", "Y0 Z2", "X0 Y1 Z2");
        }

        const int circuits = 3;
        var parameters = TestCircuits.RandomParameters(circuit, circuits, seed: 100 + index);
        var native = new NativeBackend(_simulator);

        var shift = await ParameterShift.Instance.JacobianAsync(tape, native, parameters, circuits);
        var adjoint = await AdjointDifferentiation.Instance.JacobianAsync(tape, native, parameters, circuits);
        var finite = DenseReference.CentralDifferences(tape, parameters, circuits);

        Assert.Equal(tape.OutputCount, shift.Outputs);
        Assert.Equal(shift.Values, adjoint.Values, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(DenseReference.Expectations(tape, tape.EvaluateAngles(parameters, circuits), circuits), shift.Values,
            (a, b) => Math.Abs(a - b) < 1e-10);
        for (var i = 0; i < finite.Length; i++)
        {
            Assert.Equal(finite[i], shift.Jacobian[i], 1e-6);
            Assert.Equal(adjoint.Jacobian[i], shift.Jacobian[i], 1e-10);
        }
    }

    [Fact]
    public async Task QsharpBackendGivesTheSameNumbersAsNative()
    {
        var circuit = BuiltInClassifiers.Paper();
        var tape = await fixture.Lifter.LiftAsync(circuit);
        const int circuits = 4;
        var parameters = TestCircuits.RandomParameters(circuit, circuits, seed: 5);

        var native = await ParameterShift.Instance.JacobianAsync(tape, new NativeBackend(_simulator), parameters, circuits);
        var qsharp = await ParameterShift.Instance.JacobianAsync(tape, new QsharpBackend(fixture.Runtime), parameters, circuits);

        Assert.Equal(native.Values, qsharp.Values, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(native.Jacobian, qsharp.Jacobian, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    /// <summary>The Q# backend measures Pauli strings by basis change and Z-parity; the native one in one pass over the state.</summary>
    [Fact]
    public async Task QsharpBackendMeasuresPauliStringsAsNativeComputesThem()
    {
        var circuit = TestCircuits.UserStyle;
        var tape = WithObservables(await fixture.Lifter.LiftAsync(circuit), "Z0 Z1", "X2", "Y0 Z2", "X0 Y1 Z2", "Y2", "X0 X1");
        const int circuits = 3;
        var parameters = TestCircuits.RandomParameters(circuit, circuits, seed: 9);

        var native = await ParameterShift.Instance.JacobianAsync(tape, new NativeBackend(_simulator), parameters, circuits);
        var qsharp = await ParameterShift.Instance.JacobianAsync(tape, new QsharpBackend(fixture.Runtime), parameters, circuits);

        Assert.Equal(native.Values, qsharp.Values, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(native.Jacobian, qsharp.Jacobian, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void AdjointNeedsAStateVectorBackend()
    {
        Assert.True(AdjointDifferentiation.Instance.Supports(new NativeBackend(_simulator)));
        Assert.False(AdjointDifferentiation.Instance.Supports(new QsharpBackend(fixture.Runtime)));
        Assert.True(ParameterShift.Instance.Supports(new QsharpBackend(fixture.Runtime)));
    }

    [Fact]
    public void DefaultsAreParameterShiftForSmallRegistersAndAdjointForLargeOnesWhereTheStateIsHeld()
    {
        var native = new NativeBackend(_simulator);
        var qsharp = new QsharpBackend(fixture.Runtime);
        Assert.Same(ParameterShift.Instance, GradientDefaults.For(4, native));
        Assert.Same(ParameterShift.Instance, GradientDefaults.For(GradientDefaults.AdjointFromQubits - 1, native));
        Assert.Same(AdjointDifferentiation.Instance, GradientDefaults.For(GradientDefaults.AdjointFromQubits, native));
        Assert.Same(ParameterShift.Instance, GradientDefaults.For(16, qsharp));
    }

    private static CircuitTape WithObservables(CircuitTape tape, params string[] observables) =>
        new(tape.Qubits, tape.ParameterCount, tape.Gates, tape.Angles, observables.Select(PauliString.Parse).ToArray());
}
