using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>
/// The lane-batched layout (compiled pairs, folded permutations) and the fused one-state layout
/// (dense blocks, cache chunks) against the dense-matrix reference and the gate-by-gate simulator,
/// for Z on each qubit and for arbitrary Pauli strings, values and adjoint derivatives.
/// </summary>
public sealed class SimulatorLayoutTests
{
    private static readonly StateVectorSimulator LaneBatched = new(maxLaneBatchedQubits: 10);
    private static readonly StateVectorSimulator Fused = new(maxLaneBatchedQubits: 0);

    public static TheoryData<int, int, bool, bool> Layouts() => new()
    {
        { 3, 70, true, false },
        { 5, 9, true, true },
        { 3, 5, false, true },
        { 5, 6, false, false },
        { 4, 3, false, true },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ExpectationsEqualDenseReferenceAndGateByGate(int qubits, int circuits, bool laneBatched, bool mixedObservables)
    {
        var tape =
            RandomTapes.EveryGate(qubits, seed: qubits + circuits, observables: mixedObservables ? RandomTapes.MixedObservables(qubits) : null);
        var angles = tape.EvaluateAngles(RandomTapes.Parameters(tape, circuits, seed: circuits), circuits);

        var actual = (laneBatched ? LaneBatched : Fused).Expectations(tape, angles, circuits);

        var dense = DenseReference.Expectations(tape, angles, circuits);
        Assert.Equal(dense, actual, (e, a) => Math.Abs(e - a) < 1e-10);
        var masks = tape.Observables.Select(o => PauliMasks.Of(o, qubits)).ToArray();
        for (var c = 0; c < circuits; c++)
        {
            var state = new StateVector(qubits);
            StateVectorSimulator.Run(tape, angles.AsSpan(c * tape.AngleCount, tape.AngleCount), state);
            for (var o = 0; o < masks.Length; o++)
            {
                Assert.Equal(state.Expectation(masks[o]), actual[(c * masks.Length) + o], 1e-10);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task AdjointEqualsCentralDifferencesAndTheVectorProductEqualsTheContractedJacobian(int qubits, int circuits, bool laneBatched,
        bool mixedObservables)
    {
        var tape =
            RandomTapes.EveryGate(qubits, seed: 7 * qubits, repeats: 2, observables: mixedObservables ? RandomTapes.MixedObservables(qubits) : null);
        circuits = Math.Min(circuits, 5);
        var parameters = RandomTapes.Parameters(tape, circuits, seed: 3);
        var backend = new NativeBackend(laneBatched ? LaneBatched : Fused);

        var adjoint = await AdjointDifferentiation.Instance.JacobianAsync(tape, backend, parameters, circuits);

        var finite = DenseReference.CentralDifferences(tape, parameters, circuits);
        Assert.Equal(finite, adjoint.Jacobian, (e, a) => Math.Abs(e - a) < 1e-6);
        Assert.Equal(DenseReference.Expectations(tape, tape.EvaluateAngles(parameters, circuits), circuits), adjoint.Values,
            (e, a) => Math.Abs(e - a) < 1e-10);

        var random = new Random(qubits);
        var outputGradients = Enumerable.Range(0, circuits * tape.OutputCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var product = await AdjointDifferentiation.Instance.VectorJacobianProductAsync(tape, backend, parameters, outputGradients, circuits);
        Assert.Equal(adjoint.Contract(outputGradients).ParameterGradients, product.ParameterGradients, (e, a) => Math.Abs(e - a) < 1e-10);
        Assert.Equal(adjoint.Values, product.Values, (e, a) => Math.Abs(e - a) < 1e-12);
    }

    [Fact]
    public void BothLayoutsAgreeWhereTheyMeet()
    {
        var tape = RandomTapes.EveryGate(8, seed: 8, observables: RandomTapes.MixedObservables(8));
        var angles = tape.EvaluateAngles(RandomTapes.Parameters(tape, 13, seed: 8), 13);
        Assert.Equal(LaneBatched.Expectations(tape, angles, 13), Fused.Expectations(tape, angles, 13), (e, a) => Math.Abs(e - a) < 1e-12);
    }

    /// <summary>The lane kernels' own sine and cosine, over every quadrant and far out (where they hand over to the C library).</summary>
    [Fact]
    public void LargeAndNegativeAnglesMatchTheGateByGateSimulator()
    {
        double[] values = [0, 1e-300, -0.7, 3.9, -7.5, 100.25, -2.5e4, 1e6, 3.3e6, -8e7, Math.PI / 2, -Math.PI, 2 * Math.PI];
        var tape = new CircuitTape(2, 2,
            [new TapeGate(GateKind.Rx, 0, AngleIndex: 0), new TapeGate(GateKind.H, 1), new TapeGate(GateKind.Ry, 1, AngleIndex: 1)],
            [new AffineAngle(0, [0], [1.0]), new AffineAngle(0, [1], [1.0])],
            [PauliString.Parse("Z0"), PauliString.Parse("X1"), PauliString.Parse("Y0")]);
        var angles = values.SelectMany(a => new[] { a, 0.3 - a }).ToArray();
        var actual = LaneBatched.Expectations(tape, angles, values.Length);
        var masks = tape.Observables.Select(o => PauliMasks.Of(o, 2)).ToArray();
        for (var c = 0; c < values.Length; c++)
        {
            for (var o = 0; o < masks.Length; o++)
            {
                Assert.Equal(GateByGate(tape, angles, c, masks[o]), actual[(c * masks.Length) + o], 1e-12);
            }
        }
    }

    /// <summary>14 qubits: stages run in 2¹³-amplitude chunks, blocks on qubit 0 sweep the whole state.</summary>
    [Fact]
    public async Task ChunkedStagesEqualGateByGate()
    {
        var tape =
            RandomTapes.AngleBasicEntangler(14, 2, observables: [PauliString.Parse("Z0 Z13"), PauliString.Parse("X3"), PauliString.Parse("Y0 X7")]);
        const int circuits = 2;
        var parameters = RandomTapes.Parameters(tape, circuits, seed: 14);
        var angles = tape.EvaluateAngles(parameters, circuits);
        var simulator = new StateVectorSimulator();
        var actual = simulator.Expectations(tape, angles, circuits);
        var masks = tape.Observables.Select(o => PauliMasks.Of(o, 14)).ToArray();
        for (var c = 0; c < circuits; c++)
        {
            var state = new StateVector(14);
            StateVectorSimulator.Run(tape, angles.AsSpan(c * tape.AngleCount, tape.AngleCount), state);
            for (var o = 0; o < masks.Length; o++)
            {
                Assert.Equal(state.Expectation(masks[o]), actual[(c * masks.Length) + o], 1e-10);
            }
        }

        // Derivatives of a few angles against central differences of the gate-by-gate run.
        var jacobian = await AdjointDifferentiation.Instance.JacobianAsync(tape, new NativeBackend(simulator), parameters, circuits);
        foreach (var k in new[] { 0, 13, 20, 41 })
        {
            var plus = (double[])angles.Clone();
            var minus = (double[])angles.Clone();
            plus[k] += 1e-5;
            minus[k] -= 1e-5;
            for (var o = 0; o < masks.Length; o++)
            {
                var derivative = (GateByGate(tape, plus, 0, masks[o]) - GateByGate(tape, minus, 0, masks[o])) / 2e-5;
                Assert.Equal(derivative, jacobian[0, o, k], 1e-6);
            }
        }
    }

    private static double GateByGate(CircuitTape tape, double[] angles, int circuit, PauliMasks observable)
    {
        var state = new StateVector(tape.Qubits);
        StateVectorSimulator.Run(tape, angles.AsSpan(circuit * tape.AngleCount, tape.AngleCount), state);
        return state.Expectation(observable);
    }
}
