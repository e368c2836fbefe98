using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>
/// The lift is verified against the user's ORIGINAL operation over the parameters' training
/// ranges: circuits whose structure depends on a parameter anywhere there, that read past their
/// declared arrays or declare parameters they never use are refused with the parameter named.
/// </summary>
[Collection(QsharpCollection.Name)]
public sealed class SoundLiftingTests(QsharpRuntimeFixture fixture)
{
    [Fact]
    public async Task ABranchOnAWeightOutsideTheProbeIntervalIsRefusedNamingTheWeight()
    {
        // The old lifter probed weights in [0.2, 1.45] and at two points in [-π, π]: this branch needs weights[1] > 3.
        var circuit = User("""
            Ry(features[0], qubits[0]);
            if weights[1] > 3.0 { X(qubits[0]); }
            Rx(weights[0] + weights[1], qubits[0]);
            Ry(weights[2], qubits[1]);
            """, qubits: 2, features: 1, weights: 3);

        var thrown = await Assert.ThrowsAsync<TapeLiftingException>(() => fixture.Lifter.LiftAsync(circuit));

        Assert.Contains("when weights[1] changes", thrown.Message);
        Assert.DoesNotContain("weights[0]", thrown.Message);
        Assert.DoesNotContain("weights[2]", thrown.Message);
        Assert.Contains("gate count changes", thrown.Message);
    }

    [Fact]
    public async Task ABranchOnAFeatureIsRefusedNamingTheFeature()
    {
        var circuit = User("""
            Ry(features[0], qubits[0]);
            Ry(features[1], qubits[1]);
            if features[1] < -2.0 { H(qubits[1]); }
            CNOT(qubits[0], qubits[1]);
            Rx(weights[0], qubits[1]);
            """, qubits: 2, features: 2, weights: 1);

        var thrown = await Assert.ThrowsAsync<TapeLiftingException>(() => fixture.Lifter.LiftAsync(circuit));

        Assert.Contains("when features[1] changes", thrown.Message);
        Assert.DoesNotContain("features[0]", thrown.Message);
    }

    [Fact]
    public async Task AnAngleThatIsAffineOnlyNearTheProbesIsRefused()
    {
        // Equal to weights[0] below 2.5, so every QIR probe fits; the state check sees the kink.
        var circuit = User("""
            Ry(features[0], qubits[0]);
            Rx(weights[0] < 2.5 ? weights[0] | 2.5, qubits[0]);
            """, qubits: 1, features: 1, weights: 1);

        var thrown = await Assert.ThrowsAsync<TapeLiftingException>(() => fixture.Lifter.LiftAsync(circuit));

        Assert.Contains("weights[0]", thrown.Message);
        Assert.Contains("affine", thrown.Message);
    }

    [Fact]
    public async Task ReadingPastTheDeclaredWeightsNamesTheArray()
    {
        var circuit = User("""
            Ry(features[0], qubits[0]);
            Rx(weights[0] + weights[1] + weights[2], qubits[0]);
            """, qubits: 1, features: 1, weights: 2);

        var thrown = await Assert.ThrowsAsync<TapeLiftingException>(() => fixture.Lifter.LiftAsync(circuit));

        Assert.Equal(
            "User.Classifier reads weights[2] but declares 2 weights (weights[0] … weights[1]): " +
            "make its shape function declare what the operation reads.",
            thrown.Message);
    }

    [Fact]
    public async Task ReadingPastTheDeclaredFeaturesNamesTheArray()
    {
        var circuit = User("""
            Ry(features[0] + features[3], qubits[0]);
            Rx(weights[0], qubits[0]);
            """, qubits: 1, features: 1, weights: 5);

        var thrown = await Assert.ThrowsAsync<TapeLiftingException>(() => fixture.Lifter.LiftAsync(circuit));

        Assert.StartsWith("User.Classifier reads features[3] but declares 1 features (features[0])", thrown.Message);
    }

    [Fact]
    public async Task DeclaredButUnusedWeightsAreNamed()
    {
        var circuit = User("""
            Ry(features[0], qubits[0]);
            Rx(weights[0], qubits[0]);
            Rz(weights[1], qubits[0]);
            """, qubits: 1, features: 1, weights: 4);

        var thrown = await Assert.ThrowsAsync<TapeLiftingException>(() => fixture.Lifter.LiftAsync(circuit));

        Assert.StartsWith("User.Classifier declares 4 weights but never uses weights[2], weights[3]", thrown.Message);
    }

    [Fact]
    public async Task TheObservablesOfTheShapeAreOnTheTape()
    {
        var circuit = await BuiltInClassifiers.LoadAsync(fixture.Runtime, Encoding.Angle, AnsatzCatalog.Qcnn, 4, 2);

        var tape = await fixture.Lifter.LiftAsync(circuit);

        Assert.Equal([PauliString.Z(3)], tape.Observables);
    }

    [Fact]
    public void EnoughPointsToCatchABranchOverFivePercentOfARange()
    {
        // P(miss) = (1 - f)^N for a branch taken on a fraction f of one parameter's range.
        Assert.Equal(256, TapeLifter.VerificationPoints(4));
        Assert.Equal(256, TapeLifter.VerificationPoints(8));
        Assert.InRange(Math.Pow(0.95, TapeLifter.VerificationPoints(8)), 0, 1e-5);
        Assert.Equal(16, TapeLifter.VerificationPoints(20));
    }

    [Fact]
    public async Task LargeRegistersAreComparedByTheirZExpectations()
    {
        // 13 qubits, one RY(features[q]) each: a hand-written tape, right and wrong (RZ for RY).
        const int qubits = 13;
        var circuit = User("for q in 0..12 { Ry(features[q], qubits[q]); }", qubits, features: qubits, weights: 0);
        CircuitTape Tape(GateKind kind) => new(
            qubits, qubits, Enumerable.Range(0, qubits).Select(q => new TapeGate(kind, q, -1, -1, q)).ToList(),
            Enumerable.Range(0, qubits).Select(q => new AffineAngle(0, [q], [1.0])).ToList());
        var random = new Random(3);
        var points = Enumerable.Range(0, 3).Select(_ => circuit.RandomPoint(random)).ToList();

        var right = await OperationComparison.StateDistancesAsync(fixture.Runtime, circuit, Tape(GateKind.Ry), points);
        var wrong = await OperationComparison.StateDistancesAsync(fixture.Runtime, circuit, Tape(GateKind.Rz), points);

        Assert.True(qubits > OperationComparison.MaxStateQubits);
        Assert.All(right, d => Assert.InRange(d, 0, 1e-12));
        Assert.All(wrong, d => Assert.InRange(d, 1e-3, 2));
    }

    private static ClassifierCircuit User(string body, int qubits, int features, int weights) => new(
        new QsharpProgram([new QsharpSource("user/Classifier.qs", $$"""
            namespace User {
                operation Classifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
            {{body}}
                }
            }
            """)]),
        "User.Classifier",
        qubits,
        features,
        weights);
}
