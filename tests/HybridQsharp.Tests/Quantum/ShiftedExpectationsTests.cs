using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>
/// Parameter shift with shared prefixes (each shifted circuit branches off its unshifted one at its shifted gate) against
/// every shifted circuit evaluated from |0…0⟩ as a row of its own, by the lane-batched simulator and by the dense-matrix
/// reference; and the Jacobian parameter shift builds from it against the one built from rows.
/// </summary>
public sealed class ShiftedExpectationsTests
{
    private const double Shift = Math.PI / 2;

    public static TheoryData<int, int, bool, int> Cases() => new()
    {
        // qubits, circuits, mixed observables, workers
        { 3, 1, false, 1 },
        { 3, 70, true, 2 },
        { 4, 64, false, 2 },
        { 5, 9, true, 1 },
        { 6, 40, false, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SharedPrefixesGiveTheRowsExpectationsBitForBit(int qubits, int circuits, bool mixedObservables, int workers)
    {
        var observables = mixedObservables ? RandomTapes.MixedObservables(qubits) : null;
        var tape = RandomTapes.EveryGate(qubits, seed: qubits * circuits, observables: observables);
        var angles = tape.EvaluateAngles(RandomTapes.Parameters(tape, circuits, seed: circuits), circuits);
        var shifted = Enumerable.Range(0, tape.AngleCount).ToArray();
        var simulator = new StateVectorSimulator(maxDegreeOfParallelism: workers);

        var actual = new double[circuits * (1 + (2 * shifted.Length)) * tape.OutputCount];
        simulator.ShiftedExpectations(tape, angles, circuits, shifted, Shift, actual);

        var rows = ShiftedRows(tape, angles, circuits, shifted);
        Assert.Equal(simulator.Expectations(tape, rows, rows.Length / tape.AngleCount), actual);

        // The dense reference for the first circuits' rows: it is slow, and the simulator's rows are checked against it elsewhere.
        var checkedRows = Math.Min(circuits, 3) * (1 + (2 * shifted.Length));
        Assert.Equal(DenseReference.Expectations(tape, rows.AsSpan(0, checkedRows * tape.AngleCount).ToArray(), checkedRows),
            actual.AsSpan(0, checkedRows * tape.OutputCount).ToArray(), (e, a) => Math.Abs(e - a) < 1e-10);
    }

    [Fact]
    public void AnAngleReadByTwoGatesBranchesAtTheFirstAndOneReadByNoneChangesNothing()
    {
        // Angle 0 drives the first and the last rotation; angle 2 drives no gate; angle 1 only the middle one.
        var gates = new List<TapeGate>
        {
            new(GateKind.H, 0), new(GateKind.Rx, 0, AngleIndex: 0), new(GateKind.CX, 0, 1), new(GateKind.Ryy, 1, 2, AngleIndex: 1),
            new(GateKind.T, 2), new(GateKind.Rz, 2, AngleIndex: 0), new(GateKind.H, 2),
        };
        var tape = new CircuitTape(3, 3, gates, [Identity(0), Identity(1), Identity(2)], RandomTapes.MixedObservables(3));
        const int circuits = 5;
        var angles = tape.EvaluateAngles(RandomTapes.Parameters(tape, circuits, seed: 11), circuits);
        int[] shifted = [2, 0, 1];
        var simulator = new StateVectorSimulator(maxDegreeOfParallelism: 1);

        var actual = new double[circuits * 7 * tape.OutputCount];
        simulator.ShiftedExpectations(tape, angles, circuits, shifted, Shift, actual);

        var rows = ShiftedRows(tape, angles, circuits, shifted);
        Assert.Equal(DenseReference.Expectations(tape, rows, circuits * 7), actual, (e, a) => Math.Abs(e - a) < 1e-10);
        var outputs = tape.OutputCount;
        for (var c = 0; c < circuits; c++)
        {
            var unshifted = actual.AsSpan(c * 7 * outputs, outputs).ToArray();
            Assert.Equal(unshifted, actual.AsSpan(((c * 7) + 1) * outputs, outputs).ToArray());
            Assert.Equal(unshifted, actual.AsSpan(((c * 7) + 2) * outputs, outputs).ToArray());
            Assert.NotEqual(unshifted, actual.AsSpan(((c * 7) + 3) * outputs, outputs).ToArray());
        }
    }

    [Theory]
    [InlineData(4, 2)]
    [InlineData(6, 3)]
    public async Task TheJacobianFromSharedPrefixesEqualsTheOneFromRowsAndCentralDifferences(int qubits, int layers)
    {
        var tape = RandomTapes.AngleBasicEntangler(qubits, layers, RandomTapes.MixedObservables(qubits));
        const int circuits = 64;
        var parameters = RandomTapes.Parameters(tape, circuits, seed: qubits);
        var native = new NativeBackend(new StateVectorSimulator());
        Assert.True(native.SharesShiftedPrefixes(tape));

        var shared = await ParameterShift.Instance.JacobianAsync(tape, native, parameters, circuits);
        var rows = await ParameterShift.Instance.JacobianAsync(tape, new RowsOnlyBackend(native), parameters, circuits);

        Assert.Equal(rows.Values, shared.Values);
        Assert.Equal(rows.Jacobian, shared.Jacobian);
        const int differenced = 4;
        var finite = DenseReference.CentralDifferences(tape, parameters, differenced);
        Assert.Equal(finite, shared.Jacobian.AsSpan(0, finite.Length).ToArray(), (e, a) => Math.Abs(e - a) < 1e-6);
    }

    [Fact]
    public async Task RegistersTooLargeToRunLaneBatchedFallBackToRows()
    {
        var tape = RandomTapes.EveryGate(4, seed: 3, repeats: 1);
        var fused = new NativeBackend(new StateVectorSimulator(maxLaneBatchedQubits: 3));
        const int circuits = 3;
        var parameters = RandomTapes.Parameters(tape, circuits, seed: 4);

        Assert.False(fused.SharesShiftedPrefixes(tape));
        Assert.Throws<NotSupportedException>(() =>
            fused.Simulator.ShiftedExpectations(tape, tape.EvaluateAngles(parameters, circuits), circuits, [0], Shift, new double[3 * 3 * 4]));
        var jacobian = await ParameterShift.Instance.JacobianAsync(tape, fused, parameters, circuits);
        var laneBatched = await ParameterShift.Instance.JacobianAsync(tape, new NativeBackend(new StateVectorSimulator()), parameters, circuits);
        Assert.Equal(laneBatched.Jacobian, jacobian.Jacobian, (e, a) => Math.Abs(e - a) < 1e-10);
    }

    private static AffineAngle Identity(int parameter) => new(0, [parameter], [1.0]);

    // Row (c, 0) is circuit c's angles; rows (c, 1 + 2s) and (c, 2 + 2s) move angle shifted[s] by +π/2 and -π/2.
    private static double[] ShiftedRows(CircuitTape tape, double[] angles, int circuits, int[] shifted)
    {
        var angleCount = tape.AngleCount;
        var rowsPerCircuit = 1 + (2 * shifted.Length);
        var rows = new double[circuits * rowsPerCircuit * angleCount];
        for (var c = 0; c < circuits; c++)
        {
            for (var r = 0; r < rowsPerCircuit; r++)
            {
                var row = rows.AsSpan(((c * rowsPerCircuit) + r) * angleCount, angleCount);
                angles.AsSpan(c * angleCount, angleCount).CopyTo(row);
                if (r > 0)
                {
                    row[shifted[(r - 1) / 2]] += r % 2 == 1 ? Shift : -Shift;
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// The native simulator seen only through <see cref="IQuantumBackend"/>, as the Q# simulator and hardware are: every shifted
    /// circuit is a row.
    /// </summary>
    private sealed class RowsOnlyBackend(NativeBackend native) : IQuantumBackend
    {
        public string Name => "rows-only";

        public ValueTask<double[]> ExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits,
            CancellationToken cancellationToken = default) => native.ExpectationsAsync(tape, angles, circuits, cancellationToken);
    }
}
