using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>Parameter-shift against central finite differences and against adjoint differentiation.</summary>
[Collection(QsharpCollection.Name)]
public sealed class GradientTests(QsharpRuntimeFixture fixture)
{
    private readonly StateVectorSimulator _simulator = new();

    public static TheoryData<int> CircuitIndices() => [0, 1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(CircuitIndices))]
    public async Task ParameterShiftEqualsFiniteDifferencesAndAdjoint(int index)
    {
        var circuit = TestCircuits.BuiltIns().Append(TestCircuits.UserStyle).ElementAt(index);
        var tape = await fixture.Lifter.LiftAsync(circuit);
        const int circuits = 3;
        var parameters = TestCircuits.RandomParameters(circuit, circuits, seed: 100 + index);

        var shift = await new ParameterShift(new NativeBackend(_simulator)).JacobianAsync(tape, parameters, circuits);
        var adjoint = await new AdjointDifferentiation(_simulator).JacobianAsync(tape, parameters, circuits);
        var finite = CentralDifferences(tape, parameters, circuits, step: 1e-5);

        Assert.Equal(shift.Values, adjoint.Values, (a, b) => Math.Abs(a - b) < 1e-12);
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

        var native = await new ParameterShift(new NativeBackend(_simulator)).JacobianAsync(tape, parameters, circuits);
        var qsharp = await new ParameterShift(new QsharpBackend(fixture.Runtime)).JacobianAsync(tape, parameters, circuits);

        Assert.Equal(native.Values, qsharp.Values, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(native.Jacobian, qsharp.Jacobian, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    private double[] CentralDifferences(CircuitTape tape, double[] parameters, int circuits, double step)
    {
        var outputs = tape.Qubits;
        var p = tape.ParameterCount;
        var jacobian = new double[circuits * outputs * p];
        for (var c = 0; c < circuits; c++)
        {
            for (var k = 0; k < p; k++)
            {
                var plus = parameters.AsSpan(c * p, p).ToArray();
                var minus = (double[])plus.Clone();
                plus[k] += step;
                minus[k] -= step;
                var ePlus = _simulator.Expectations(tape, tape.EvaluateAngles(plus, 1), 1);
                var eMinus = _simulator.Expectations(tape, tape.EvaluateAngles(minus, 1), 1);
                for (var o = 0; o < outputs; o++)
                {
                    jacobian[(((c * outputs) + o) * p) + k] = (ePlus[o] - eMinus[o]) / (2 * step);
                }
            }
        }

        return jacobian;
    }
}
