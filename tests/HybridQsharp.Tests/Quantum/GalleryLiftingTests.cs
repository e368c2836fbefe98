using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Simulation;

namespace HybridQsharp.Tests.Quantum;

/// <summary>Each gallery classifier lifts, and its native tape computes what the Q# simulator computes running the original operation.</summary>
[Collection(QsharpCollection.Name)]
public sealed class GalleryLiftingTests(QsharpRuntimeFixture fixture)
{
    // Small sizes keep the QIR compilations (one per parameter) few; every ansatz and encoding pair is here.
    public static TheoryData<string, Encoding, int, int> Gallery() => new()
    {
        { "reuploading", Encoding.Angle, 2, 2 },
        { "qcnn", Encoding.Angle, 5, 2 },
        { "qcnn", Encoding.Amplitude, 3, 2 },
        { "hardware-efficient", Encoding.Angle, 3, 1 },
        { "hardware-efficient", Encoding.Amplitude, 2, 2 },
    };

    [Theory]
    [MemberData(nameof(Gallery))]
    public async Task TheNativeTapeAgreesWithTheQsharpSimulatorRunningTheOperation(string ansatz, Encoding encoding, int qubits, int layers)
    {
        var circuit = await BuiltInClassifiers.LoadAsync(fixture.Runtime, encoding, AnsatzCatalog.Parse(ansatz), qubits, layers);
        var tape = await fixture.Lifter.LiftAsync(circuit);
        var random = new Random(qubits * 10 + layers);
        var points = Enumerable.Range(0, 12).Select(_ => circuit.RandomPoint(random)).ToList();

        var arguments = points.Select(p => circuit.Arguments(p)).ToList();
        var qsharp = await fixture.Runtime.ExpectationsAsync(circuit.Program, circuit.Operation, qubits, arguments);

        var state = new StateVector(qubits);
        for (var c = 0; c < points.Count; c++)
        {
            StateVectorSimulator.Run(tape, tape.EvaluateAngles(points[c], 1), state);
            for (var q = 0; q < qubits; q++)
            {
                Assert.Equal(qsharp.Expectations[c][q], state.ExpectationZ(q), 1e-9);
            }
        }

        Assert.Equal(circuit.Observables, tape.Observables);
    }

    [Fact]
    public async Task TheAgreementCheckRefusesATapeThatIsNotTheOperations()
    {
        // Same sizes as the paper's classifier, different circuit: the weights are read in reverse, as a lifting bug might.
        var paper = BuiltInClassifiers.Paper();
        var reversed = paper with
        {
            Program = QsharpProgram.BuiltIn().With([new QsharpSource("user/Reversed.qs", """
                namespace User {
                    operation Reversed(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                        HybridQsharp.Classifiers.AmplitudeClassifier(features, Std.Arrays.Reversed(weights), qubits);
                    }
                }
                """)]),
            Operation = "User.Reversed",
        };
        var paperTape = await fixture.Lifter.LiftAsync(paper);
        var angleTape = await fixture.Lifter.LiftAsync(BuiltInClassifiers.Create(Encoding.Angle, Ansatz.BasicEntangler, 4, 2));
        var native = new NativeBackend(new StateVectorSimulator());

        var worst = await BackendAgreementCheck.VerifyAsync(paper, paperTape, fixture.Runtime, native);
        var thrown = await Assert.ThrowsAsync<BackendDisagreementException>(
            () => BackendAgreementCheck.VerifyAsync(reversed, paperTape, fixture.Runtime, native));
        var mismatched = await Assert.ThrowsAsync<BackendDisagreementException>(
            () => BackendAgreementCheck.VerifyAsync(paper, angleTape, fixture.Runtime, native));

        Assert.InRange(worst, 0, 1e-9);
        Assert.StartsWith("The native backend running the lifted tape disagrees with the Q# simulator running User.Reversed", thrown.Message);
        Assert.Contains("is not HybridQsharp.Classifiers.AmplitudeClassifier's", mismatched.Message);
    }
}
