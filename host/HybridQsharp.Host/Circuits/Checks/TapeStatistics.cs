using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// Counts read off a lifted tape: gates by kind, depth, which rotations depend on what, and each parameter's share of the affine map.
/// </summary>
public static class TapeStatistics
{
    public static GateSummary Gates(CircuitTape tape)
    {
        var byKind = tape.Gates
            .GroupBy(g => g.Kind)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString(), g => g.Count());
        return new GateSummary(tape.Gates.Count, byKind, tape.Gates.Count(g => g.Kind.QubitCount() > 1), Depth(tape));
    }

    /// <summary>
    /// Layers of gates on disjoint qubits, each gate as early as its qubits allow: a gate's layer
    /// is one more than the latest layer of any gate before it on one of its qubits.
    /// </summary>
    public static int Depth(CircuitTape tape)
    {
        var level = new int[tape.Qubits];
        var depth = 0;
        foreach (var gate in tape.Gates)
        {
            var qubits = Qubits(gate);
            var layer = qubits.Max(q => level[q]) + 1;
            foreach (var q in qubits)
            {
                level[q] = layer;
            }

            depth = Math.Max(depth, layer);
        }

        return depth;
    }

    public static ParametricGateSummary ParametricGates(CircuitTape tape, ClassifierCircuit circuit)
    {
        int onFeatures = 0, onWeights = 0, onBoth = 0, constant = 0;
        foreach (var angle in tape.Angles)
        {
            var features = angle.ParameterIndices.Any(k => k < circuit.FeatureCount);
            var weights = angle.ParameterIndices.Any(k => k >= circuit.FeatureCount);
            switch (features, weights)
            {
                case (true, true):
                    onBoth++;
                    break;
                case (true, false):
                    onFeatures++;
                    break;
                case (false, true):
                    onWeights++;
                    break;
                default:
                    constant++;
                    break;
            }
        }

        var shared = GatesPerParameter(tape).Count(count => count > 1);
        return new ParametricGateSummary(tape.AngleCount, onFeatures, onWeights, onBoth, constant, shared);
    }

    /// <summary>Per parameter, in order (features, then weights): the rotations it enters and its coefficient range.</summary>
    public static IReadOnlyList<ParameterUse> AffineMap(CircuitTape tape, ClassifierCircuit circuit)
    {
        var min = Enumerable.Repeat(double.PositiveInfinity, tape.ParameterCount).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, tape.ParameterCount).ToArray();
        foreach (var angle in tape.Angles)
        {
            for (var t = 0; t < angle.ParameterIndices.Length; t++)
            {
                var k = angle.ParameterIndices[t];
                min[k] = Math.Min(min[k], angle.Coefficients[t]);
                max[k] = Math.Max(max[k], angle.Coefficients[t]);
            }
        }

        var gates = GatesPerParameter(tape);
        return Enumerable.Range(0, tape.ParameterCount)
            .Select(k => gates[k] == 0
                ? new ParameterUse(circuit.ParameterName(k), 0, 0, 0)
                : new ParameterUse(circuit.ParameterName(k), gates[k], min[k], max[k]))
            .ToList();
    }

    private static int[] GatesPerParameter(CircuitTape tape)
    {
        var gates = new int[tape.ParameterCount];
        foreach (var angle in tape.Angles)
        {
            foreach (var k in angle.ParameterIndices)
            {
                gates[k]++;
            }
        }

        return gates;
    }

    private static int[] Qubits(TapeGate gate) => gate.Kind.QubitCount() switch
    {
        1 => [gate.Qubit0],
        2 => [gate.Qubit0, gate.Qubit1],
        _ => [gate.Qubit0, gate.Qubit1, gate.Qubit2],
    };
}
