using HybridQsharp.Host.Circuits.Checks;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Tests.Quantum;

namespace HybridQsharp.Tests.Host.Circuits;

/// <summary>
/// `circuit check`'s report on a built-in classifier and on user circuits, through the real Q# runtime, against hand counts and dense matrices.
/// </summary>
[Collection(QsharpCollection.Name)]
public sealed class CircuitCheckTests(QsharpRuntimeFixture fixture)
{
    private readonly StateVectorSimulator _simulator = new();

    [Fact]
    public async Task TheAngleClassifiersReportIsTheHandCount()
    {
        var circuit = await BuiltInClassifiers.LoadAsync(fixture.Runtime, Encoding.Angle, AnsatzCatalog.Basic, 4, 2);

        var report = await Check().RunAsync(circuit, 2);

        // RY per qubit, then twice: RX per qubit and the CNOT ring 0→1→2→3→0.
        Assert.Equal(new Dictionary<string, int> { ["Rx"] = 8, ["Ry"] = 4, ["CX"] = 8 }, report.Gates!.ByKind);
        Assert.Equal((20, 8), (report.Gates.Total, report.Gates.MultiQubit));

        // Layers: RY 1, RX 2, ring 3-6 (each CNOT shares a qubit with the one before); RX on q0 and q3 at 7,
        // the second ring 8-11 (CX(0,1) waits for q0 at 7).
        Assert.Equal(11, report.Gates.Depth);
        Assert.Equal(new ParametricGateSummary(12, 4, 8, 0, 0, 0), report.ParametricGates);
        Assert.All(report.AffineMap!, use => Assert.Equal((1, 1.0, 1.0), (use.Gates, use.MinCoefficient, use.MaxCoefficient)));
        Assert.Equal(["features[0]", "features[1]", "features[2]", "features[3]", .. Enumerable.Range(0, 8).Select(k => $"weights[{k}]")],
            report.AffineMap!.Select(u => u.Name));
        Assert.Equal(["Z0", "Z1", "Z2", "Z3"], report.Shape.Observables);
        AssertAgreesAndDifferentiates(report);
    }

    [Fact]
    public async Task ThePaperClassifiersGatesAreTheDocumentedOnes()
    {
        var report = await Check().RunAsync(BuiltInClassifiers.Paper(), 2);

        // The RY tree's uniformly controlled rotations with m = 1, 2, 3 controls split recursively on their first control,
        // 2(2^m - 1) CNOTs each: 2 + 6 + 14 = 22; each CNOT ring 4.
        Assert.Equal(new Dictionary<string, int> { ["Rx"] = 8, ["Ry"] = 15, ["CX"] = 30 }, report.Gates!.ByKind);
        // The uniformly controlled RY with k controls spreads its 2^k tree angles over 2^k rotations, each angle with
        // weight ±2^-k (halved at each split; the first of a level with + everywhere): levels 1-3 are shared, 2 + 4 + 8.
        Assert.Equal(new ParametricGateSummary(23, 15, 8, 0, 0, 14), report.ParametricGates);
        for (var level = 0; level < 4; level++)
        {
            var first = (1 << level) - 1;
            var scale = 1.0 / (1 << level);
            for (var j = 0; j < 1 << level; j++)
            {
                Assert.Equal(new ParameterUse($"features[{first + j}]", 1 << level, j == 0 ? scale : -scale, scale), report.AffineMap![first + j]);
            }
        }

        AssertAgreesAndDifferentiates(report);
    }

    [Fact]
    public async Task AUserCircuitWithASharedWeightAndAControlledRotation()
    {
        var circuit = await LoadAsync(WorkbenchCircuits.Shared(), WorkbenchCircuits.SharedOperation, qubits: 2);

        var report = await Check().RunAsync(circuit, 1);

        // The QDK writes Controlled Rz(θ) as Rz(θ/2) on the target, CNOT, Rz(-θ/2), CNOT: 10 gates.
        Assert.Equal(new Dictionary<string, int> { ["Rx"] = 2, ["Ry"] = 3, ["Rz"] = 2, ["CX"] = 3 }, report.Gates!.ByKind);
        Assert.Equal(3, report.Gates.MultiQubit);

        // RY, RY | RX, RX | Rz(q1) | CX | Rz(q1) | CX | CX(1→0) | RY(q0): 8 layers.
        Assert.Equal(8, report.Gates.Depth);

        // features only: the two RY; weights only: the two RX and the two Rz halves; both: the last RY.
        Assert.Equal(new ParametricGateSummary(7, 2, 4, 1, 0, 3), report.ParametricGates);
        Assert.Equal(
            [
                new ParameterUse("features[0]", 2, 0.5, 1),
                new ParameterUse("features[1]", 1, 1, 1),
                new ParameterUse("weights[0]", 2, 1, 1),
                new ParameterUse("weights[1]", 3, -1, 0.5),
            ],
            report.AffineMap);
        AssertAgreesAndDifferentiates(report);
    }

    [Fact]
    public async Task TheGradientCheckAgreesWithTheDenseMatrixCircuit()
    {
        var circuit = await LoadAsync(WorkbenchCircuits.Shared(), WorkbenchCircuits.SharedOperation, qubits: 2);
        var tape = await fixture.Lifter.LiftAsync(circuit);
        var native = new NativeBackend(_simulator);

        var check = await GradientCheck.RunAsync(circuit, tape, native, ParameterShift.Instance, AdjointDifferentiation.Instance, points: 3);

        var z = new[] { DenseReference.Single(2, 0, DenseReference.Z), DenseReference.Single(2, 1, DenseReference.Z) };
        AssertEqualsDense(check, z, circuit.ParameterCount);
    }

    [Fact]
    public async Task ExtraObservablesAreCheckedAgainstTheDenseMatrixCircuit()
    {
        var circuit = await LoadAsync(
            WorkbenchCircuits.Shared("[[PauliZ, PauliZ], [PauliI, PauliX]]"), WorkbenchCircuits.SharedOperation, qubits: 2);
        var tape = await fixture.Lifter.LiftAsync(circuit);
        var native = new NativeBackend(_simulator);

        var report = await Check().RunAsync(circuit, 1);
        var check = await GradientCheck.RunAsync(circuit, tape, native, ParameterShift.Instance, AdjointDifferentiation.Instance, points: 3);

        Assert.Equal(["Z0 Z1", "X1"], report.Shape.Observables);
        Assert.Empty(report.NotRun);
        AssertAgreesAndDifferentiates(report);
        var observables = new[]
        {
            DenseReference.OnQubits(2, new Dictionary<int, System.Numerics.Complex[,]> { [0] = DenseReference.Z, [1] = DenseReference.Z }),
            DenseReference.Single(2, 1, DenseReference.X),
        };
        AssertEqualsDense(check, observables, circuit.ParameterCount);
    }

    [Fact]
    public async Task ANonAffineAngleIsRefusedNamingTheGateAndTheWeight()
    {
        var circuit = await LoadAsync(WorkbenchCircuits.Bent, WorkbenchCircuits.BentOperation, qubits: 2);

        var report = await Check().RunAsync(circuit, 1);

        Assert.StartsWith("Cannot lift Bent.Classifier: the angle of gate #3 (rx on qubit 1", report.Refusal);
        Assert.Contains("is not an affine function of weights[1]", report.Refusal);
        Assert.Equal((2, 2), (report.Shape.Features, report.Shape.Weights));
        Assert.Null(report.Gates);
        Assert.Null(report.Gradients);
        Assert.False(report.Passed);
        Assert.Contains("refused     Cannot lift Bent.Classifier", CircuitCheckText.Render(report));
    }

    [Fact]
    public async Task AProductOfAWeightAndAFeatureIsRefusedNamingBoth()
    {
        var circuit = await LoadAsync(WorkbenchCircuits.Product, WorkbenchCircuits.ProductOperation, qubits: 1);

        var report = await Check().RunAsync(circuit, 1);

        Assert.StartsWith("Cannot lift Product.Classifier: the angle of gate #1 (rx on qubit 0", report.Refusal);
        Assert.Contains("is not an affine function of features[0], weights[0] jointly (a product of parameters?)", report.Refusal);
    }

    private static void AssertAgreesAndDifferentiates(CircuitCheckReport report)
    {
        Assert.Null(report.Refusal);
        Assert.Empty(report.NotRun);
        Assert.Equal((256, 16), (report.Agreement!.StatePoints, report.Agreement.OutputPoints));
        Assert.InRange(report.Agreement.WorstStateDistance, 0, 1e-12);
        Assert.InRange(report.Agreement.WorstOutputDeviation!.Value, 0, 1e-12);
        var pairs = report.Gradients!.Pairs.ToDictionary(p => $"{p.First} vs {p.Second}");
        Assert.InRange(pairs["parameter shift vs adjoint"].Worst, 0, 1e-12);
        Assert.InRange(pairs["parameter shift vs central differences"].Worst, 1e-14, 1e-8);
        Assert.InRange(pairs["adjoint vs central differences"].Worst, 1e-14, 1e-8);
        Assert.True(report.Passed);
    }

    private static void AssertEqualsDense(GradientCheckResult check, IReadOnlyList<System.Numerics.Complex[,]> observables, int parameters)
    {
        var outputs = observables.Count;
        for (var c = 0; c < 3; c++)
        {
            var point = check.Points.AsSpan(c * parameters, parameters).ToArray();
            var state = WorkbenchCircuits.SharedState(point);
            for (var o = 0; o < outputs; o++)
            {
                Assert.Equal(WorkbenchCircuits.Expectation(observables[o], state), check.ParameterShift.Values[(c * outputs) + o], 1e-12);
                var dense = WorkbenchCircuits.DenseGradient(observables[o], point);
                for (var k = 0; k < parameters; k++)
                {
                    Assert.Equal(dense[k], check.ParameterShift[c, o, k], 1e-8);
                    Assert.Equal(dense[k], check.Adjoint[c, o, k], 1e-8);
                    Assert.Equal(dense[k], check.CentralDifferences[(((c * outputs) + o) * parameters) + k], 1e-8);
                }
            }
        }
    }

    private Task<ClassifierCircuit> LoadAsync(QsharpSource source, string operation, int qubits) =>
        ClassifierCircuit.LoadAsync(fixture.Runtime, QsharpProgram.BuiltIn().With([source]), operation, qubits, 1);

    private CircuitCheck Check()
    {
        var native = new NativeBackend(_simulator);
        return new CircuitCheck(fixture.Runtime, fixture.Lifter, native, ParameterShift.Instance, AdjointDifferentiation.Instance);
    }
}
