using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>Q# circuits lifted to tapes and run natively agree with the Q# simulator running the original operation.</summary>
[Collection(QsharpCollection.Name)]
public sealed class LiftingTests(QsharpRuntimeFixture fixture)
{
    public static TheoryData<string> Circuits()
    {
        var data = new TheoryData<string>();
        foreach (var circuit in TestCircuits.BuiltIns().Append(TestCircuits.UserStyle))
        {
            data.Add(Describe(circuit));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Circuits))]
    public async Task NativeSimulationOfTheLiftedTapeAgreesWithTheQsharpSimulator(string name)
    {
        var circuit = TestCircuits.BuiltIns().Append(TestCircuits.UserStyle).Single(c => Describe(c) == name);
        var tape = await fixture.Lifter.LiftAsync(circuit);
        const int circuits = 12;
        var parameters = TestCircuits.RandomParameters(circuit, circuits, seed: name.Length);

        var native = new StateVectorSimulator().Expectations(tape, tape.EvaluateAngles(parameters, circuits), circuits);
        var qsharp = await fixture.Runtime.ExpectationsAsync(
            circuit.Program, circuit.Operation, circuit.Qubits,
            Enumerable.Range(0, circuits).Select(c => circuit.Arguments(parameters.AsSpan(c * circuit.ParameterCount, circuit.ParameterCount)))
                .ToList());

        for (var c = 0; c < circuits; c++)
        {
            for (var q = 0; q < circuit.Qubits; q++)
            {
                Assert.Equal(qsharp.Expectations[c][q], native[(c * circuit.Qubits) + q], 1e-9);
            }
        }
    }

    [Fact]
    public async Task ThePaperTapeHasTheExpectedGates()
    {
        var tape = await fixture.Lifter.LiftAsync(BuiltInClassifiers.Paper());

        // 15 tree RYs, 2 x 4 RXs; the RY tree's CNOTs 2 x (1 + 3 + 7) and 2 rings of 4.
        Assert.Equal(15, tape.Gates.Count(g => g.Kind == GateKind.Ry));
        Assert.Equal(8, tape.Gates.Count(g => g.Kind == GateKind.Rx));
        Assert.Equal(22 + 8, tape.Gates.Count(g => g.Kind == GateKind.CX));
        Assert.Equal(23, tape.ParameterCount);
        Assert.All(tape.Gates.Where(g => g.Kind == GateKind.Rx), g => Assert.Equal(1.0, Assert.Single(tape.Angles[g.AngleIndex].Coefficients)));
    }

    [Fact]
    public async Task SharedAndScaledParametersGetTheirCoefficients()
    {
        var tape = await fixture.Lifter.LiftAsync(TestCircuits.UserStyle);

        // Rz(2.0 * features[0] + weights[0]): parameters 0 and 3 with coefficients 2 and 1.
        var rz = Assert.Single(tape.Angles, a => a.ParameterIndices.SequenceEqual([0, 3]));
        Assert.Equal(2.0, rz.Coefficients[0], 1e-12);
        Assert.Equal(1.0, rz.Coefficients[1], 1e-12);
        Assert.Equal(0.0, rz.Constant, 1e-12);
    }

    [Fact]
    public async Task ANonAffineAngleIsRefusedNamingTheGateAndParameter()
    {
        var thrown = await Assert.ThrowsAsync<TapeLiftingException>(() => fixture.Lifter.LiftAsync(TestCircuits.NonAffine));
        Assert.Contains("rx on qubit 0", thrown.Message);
        Assert.Contains("weights[0]", thrown.Message);
        Assert.DoesNotContain("features[0]", thrown.Message);
    }

    [Fact]
    public async Task StructureThatDependsOnAParameterIsRefused()
    {
        var circuit = new ClassifierCircuit(
            new HybridQsharp.Quantum.Qsharp.QsharpProgram([new("user/Branching.qs", """
                namespace User {
                    operation Classifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                        if weights[0] > 0.5 { X(qubits[0]); }
                        Ry(features[0], qubits[0]);
                    }
                }
                """)]),
            "User.Classifier", 1, 1, 1);
        var thrown = await Assert.ThrowsAsync<TapeLiftingException>(() => fixture.Lifter.LiftAsync(circuit));
        Assert.Contains("weights[0]", thrown.Message);
    }

    [Fact]
    public async Task AClassifierThatMeasuresAndReturnsAResultIsRefusedByItsSignature()
    {
        var circuit = UserCircuit("""
            operation Measuring(features : Double[], weights : Double[], qubits : Qubit[]) : Result {
                Ry(features[0], qubits[0]);
                Rx(weights[0], qubits[0]);
                M(qubits[0])
            }
            """, "User.Measuring");

        var thrown = await Assert.ThrowsAsync<ClassifierContractException>(() => fixture.Lifter.LiftAsync(circuit));

        Assert.Contains("User.Measuring is not a classifier", thrown.Message);
        Assert.Contains("Result", thrown.Message);
        Assert.DoesNotContain(Environment.NewLine, thrown.Message);
    }

    [Fact]
    public async Task AClassifierWithOtherArgumentsIsRefusedByItsSignature()
    {
        var circuit = UserCircuit("""
            operation TwoArguments(features : Double[], qubits : Qubit[]) : Unit {
                Ry(features[0], qubits[0]);
            }
            """, "User.TwoArguments");

        var thrown = await Assert.ThrowsAsync<ClassifierContractException>(() => fixture.Lifter.LiftAsync(circuit));

        Assert.Contains(ClassifierContract.Signature, thrown.Message);
    }

    [Fact]
    public async Task AClassifierThatMeasuresInsideIsRefusedByTheLifter()
    {
        var circuit = UserCircuit("""
            operation MeasuresInside(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                Ry(features[0], qubits[0]);
                let _ = M(qubits[0]);
                Rx(weights[0], qubits[1]);
            }
            """, "User.MeasuresInside", qubits: 2);

        var thrown = await Assert.ThrowsAsync<TapeLiftingException>(() => fixture.Lifter.LiftAsync(circuit));

        Assert.Contains("Cannot lift User.MeasuresInside", thrown.Message);
    }

    [Fact]
    public void QirReaderTakesNullAsQubitZeroAndHexDoubles()
    {
        const string qir = """
            call void @__quantum__qis__rx__body(double 0x3FF0000000000000, %Qubit* null)
            call void @__quantum__qis__cx__body(%Qubit* null, %Qubit* inttoptr (i64 1 to %Qubit*))
            call void @__quantum__qis__s__adj(%Qubit* inttoptr (i64 1 to %Qubit*))
            call void @__quantum__qis__m__body(%Qubit* null, %Result* null)
            """;
        var gates = QirGateReader.Read(qir);
        Assert.Equal([GateKind.Rx, GateKind.CX, GateKind.SAdj], gates.Select(g => g.Kind));
        Assert.Equal(1.0, gates[0].Angle);
        Assert.Equal([0, 1], gates[1].Qubits);
    }

    [Fact]
    public void QirReaderRefusesGatesAfterMeasurement()
    {
        const string qir = """
            call void @__quantum__qis__m__body(%Qubit* null, %Result* null)
            call void @__quantum__qis__h__body(%Qubit* null)
            """;
        Assert.Contains("after it was measured", Assert.Throws<TapeLiftingException>(() => QirGateReader.Read(qir)).Message);
    }

    private static ClassifierCircuit UserCircuit(string operation, string name, int qubits = 1) =>
        new(new HybridQsharp.Quantum.Qsharp.QsharpProgram([new("user/Classifier.qs", $"namespace User {{\n{operation}\n}}\n")]), name, qubits, 1, 1);

    private static string Describe(ClassifierCircuit c) => $"{c.Operation}/{c.Qubits}q/{c.WeightCount}w";
}
