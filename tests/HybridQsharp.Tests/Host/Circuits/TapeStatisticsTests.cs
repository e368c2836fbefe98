using HybridQsharp.Host.Circuits.Checks;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Host.Circuits;

/// <summary>Gate counts, depth, parametric rotations and the affine map of a tape written by hand, against counts made by hand.</summary>
public sealed class TapeStatisticsTests
{
    // Parameters: features[0], features[1], weights[0], weights[1] (indices 0 to 3).
    private static readonly ClassifierCircuit Circuit = new(QsharpProgram.BuiltIn(), "Hand.Classifier", 3, 2, 2);

    // Layer of each gate when placed as early as its qubits allow (q0, q1, q2 after it):
    private static readonly CircuitTape Tape = new(3, 4,
        [
            new TapeGate(GateKind.Ry, 0, AngleIndex: 0),     // 1: (1, 0, 0)
            new TapeGate(GateKind.Ry, 1, AngleIndex: 1),     // 1: (1, 1, 0)
            new TapeGate(GateKind.H, 2),                     // 1: (1, 1, 1)
            new TapeGate(GateKind.CX, 0, 1),                 // 2: (2, 2, 1)
            new TapeGate(GateKind.Rz, 2, AngleIndex: 2),     // 2: (2, 2, 2)
            new TapeGate(GateKind.Rx, 0, AngleIndex: 3),     // 3: (3, 2, 2)
            new TapeGate(GateKind.CZ, 1, 2),                 // 3: (3, 3, 3)
            new TapeGate(GateKind.Rz, 1, AngleIndex: 4),     // 4: (3, 4, 3)
            new TapeGate(GateKind.CCX, 0, 1, 2),             // 5: (5, 5, 5)
            new TapeGate(GateKind.Ry, 2, AngleIndex: 5),     // 6: (5, 5, 6)
        ],
        [
            new AffineAngle(0, [0], [1]),                    // features[0]
            new AffineAngle(0, [1], [1]),                    // features[1]
            new AffineAngle(0, [2], [2]),                    // 2 weights[0]
            new AffineAngle(0.1, [0, 2], [0.5, 1]),          // 0.1 + features[0] / 2 + weights[0]: both
            new AffineAngle(0.3, [], []),                    // constant
            new AffineAngle(0, [2, 3], [1, -1]),             // weights[0] - weights[1]
        ]);

    [Fact]
    public void GatesByKindAndDepthAreTheHandCounts()
    {
        var gates = TapeStatistics.Gates(Tape);

        Assert.Equal(10, gates.Total);
        Assert.Equal(
            new Dictionary<string, int> { ["Rx"] = 1, ["Ry"] = 3, ["Rz"] = 2, ["H"] = 1, ["CX"] = 1, ["CZ"] = 1, ["CCX"] = 1 },
            gates.ByKind);
        Assert.Equal(3, gates.MultiQubit);
        Assert.Equal(6, gates.Depth);
    }

    [Fact]
    public void RotationsAreSortedByWhatTheirAngleDependsOn()
    {
        var parametric = TapeStatistics.ParametricGates(Tape, Circuit);

        // features only: gates 0, 1; weights only: 4, 9; both: 5; constant: 7. features[0] and weights[0] drive several.
        Assert.Equal(new ParametricGateSummary(Rotations: 6, OnFeatures: 2, OnWeights: 2, OnBoth: 1, Constant: 1, SharedParameters: 2), parametric);
    }

    [Fact]
    public void TheAffineMapCountsEachParametersRotationsAndCoefficientRange()
    {
        var map = TapeStatistics.AffineMap(Tape, Circuit);

        Assert.Equal(
            [
                new ParameterUse("features[0]", 2, 0.5, 1),
                new ParameterUse("features[1]", 1, 1, 1),
                new ParameterUse("weights[0]", 3, 1, 2),
                new ParameterUse("weights[1]", 1, -1, -1),
            ],
            map);
    }

    [Fact]
    public void TheTextGroupsRunsOfParametersUsedAlike()
    {
        var report =
            new CircuitCheckReport("Hand.Classifier", 4, 2, new ShapeSummary(4, 8, [-Math.PI, Math.PI], [0, 2 * Math.PI], ["Z0", "Z1", "Z2", "Z3"]))
        {
            AffineMap =
            [
                .. Enumerable.Range(0, 4).Select(k => new ParameterUse($"features[{k}]", 1, 1, 1)),
                .. Enumerable.Range(0, 7).Select(k => new ParameterUse($"weights[{k}]", 1, 1, 1)),
                new ParameterUse("weights[7]", 3, -0.5, 0.5),
            ],
            Gradients = new GradientCheckSummary(3, 1e-5,
            [
                new GradientDeviation("parameter shift", "adjoint", 3.1e-16, "Z3", "features[2]", 1e-9),
                new GradientDeviation("parameter shift", "central differences", 2e-6, "Z1", "weights[2]", 1e-6),
            ]),
        };

        var lines = CircuitCheckText.Render(report).Split(Environment.NewLine);

        Assert.Contains("affine map  features[0] … features[3]  1 rotation each, coefficient 1", lines);
        Assert.Contains("            weights[0] … weights[6]    1 rotation each, coefficient 1", lines);
        Assert.Contains("            weights[7]                 3 rotations, coefficients -0.5 … 0.5", lines);
        Assert.Contains(
            "            parameter shift vs central differences  worst 2e-6 at ∂⟨Z1⟩/∂weights[2] (tolerance 1e-6) FAILED", lines);
        Assert.Contains("verdict     FAILED", lines);
        Assert.False(report.Passed);
    }
}
