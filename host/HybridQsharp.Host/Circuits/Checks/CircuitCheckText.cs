using System.Globalization;
using System.Text;

namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>A <see cref="CircuitCheckReport"/> as text for the terminal: one labelled line or block per section.</summary>
public static class CircuitCheckText
{
    private const int Label = 12;

    public static string Render(CircuitCheckReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{report.Operation}: {report.Qubits} qubits, shape for {report.Layers} layers"));
        var shape = report.Shape;
        Line(text, "shape",
            Invariant($"{shape.Features} features in {Range(shape.FeatureRange)}, {shape.Weights} weights in {Range(shape.WeightRange)}; ") +
            $"outputs {string.Join(", ", shape.Observables.Select(o => $"⟨{o}⟩"))}");
        if (report.Refusal is { } refusal)
        {
            Line(text, "refused", refusal);
            return text.ToString();
        }

        if (report.Gates is { } gates)
        {
            var kinds = string.Join(", ", gates.ByKind.Select(k => Invariant($"{k.Value} {k.Key}")));
            Line(text, "gates", Invariant($"{gates.Total} ({kinds}), {gates.MultiQubit} on two or more qubits, depth {gates.Depth}"));
        }

        if (report.ParametricGates is { } p)
        {
            Line(text, "rotations", Invariant($"{p.Rotations}: {p.OnFeatures} on features, {p.OnWeights} on weights, {p.OnBoth} on both, ") +
                Invariant($"{p.Constant} constant; {p.SharedParameters} parameters drive more than one rotation"));
        }

        if (report.AffineMap is { Count: > 0 } map)
        {
            var groups = Groups(map);
            var width = groups.Max(g => g.Names.Length);
            for (var i = 0; i < groups.Count; i++)
            {
                Line(text, i == 0 ? "affine map" : string.Empty, groups[i].Names.PadRight(width) + "  " + groups[i].Use);
            }
        }

        if (report.Agreement is { } a)
        {
            Line(text, "agreement", Invariant(
                $"native tape vs the Q# simulator running {report.Operation}, random points over the training ranges:"));
            Line(text, string.Empty,
                Invariant($"{a.StateComparison} at {a.StatePoints} points: worst |Δ| {Sci(a.WorstStateDistance)} (tolerance {Sci(a.Tolerance)}) ") +
                Invariant($"{Verdict(a.WorstStateDistance <= a.Tolerance)}"));
            if (a.WorstOutputDeviation is { } worst)
            {
                Line(text, string.Empty, Invariant(
                    $"outputs at {a.OutputPoints} points: worst |Δ| {Sci(worst)} (tolerance {Sci(a.Tolerance)}) {Verdict(worst <= a.Tolerance)}"));
            }
        }

        if (report.Gradients is { } g)
        {
            Line(text, "gradients", Invariant($"at {g.Points} random points; central differences with step {Sci(g.Step)}:"));
            var width = g.Pairs.Max(d => $"{d.First} vs {d.Second}".Length);
            foreach (var d in g.Pairs)
            {
                Line(text, string.Empty, $"{d.First} vs {d.Second}".PadRight(width) +
                    Invariant($"  worst {Sci(d.Worst)} at ∂⟨{d.Output}⟩/∂{d.Parameter} (tolerance {Sci(d.Tolerance)}) {Verdict(d.Passed)}"));
            }
        }

        foreach (var reason in report.NotRun)
        {
            Line(text, "not run", reason);
        }

        Line(text, "verdict", report.Passed ? "passed" : "FAILED");
        return text.ToString();
    }

    private static List<(string Names, string Use)> Groups(IReadOnlyList<ParameterUse> map)
    {
        var groups = new List<(string Names, string Use)>();
        var start = 0;
        for (var i = 1; i <= map.Count; i++)
        {
            if (i < map.Count && Array(map[i].Name) == Array(map[start].Name) && Same(map[i], map[start]))
            {
                continue;
            }

            var names = i - start == 1 ? map[start].Name : $"{map[start].Name} … {map[i - 1].Name}";
            groups.Add((names, Use(map[start], i - start > 1)));
            start = i;
        }

        return groups;
    }

    private static string Use(ParameterUse use, bool each)
    {
        var gates = Invariant($"{use.Gates} rotation{(use.Gates == 1 ? string.Empty : "s")}{(each ? " each" : string.Empty)}");
        if (use.Gates == 0)
        {
            return gates;
        }

        return use.MinCoefficient == use.MaxCoefficient
            ? Invariant($"{gates}, coefficient {use.MinCoefficient:G4}")
            : Invariant($"{gates}, coefficients {use.MinCoefficient:G4} … {use.MaxCoefficient:G4}");
    }

    private static bool Same(ParameterUse a, ParameterUse b) =>
        a.Gates == b.Gates && a.MinCoefficient == b.MinCoefficient && a.MaxCoefficient == b.MaxCoefficient;

    private static string Array(string name) => name[..name.IndexOf('[', StringComparison.Ordinal)];

    private static string Range(IReadOnlyList<double> range) => Invariant($"[{range[0]:G6}, {range[1]:G6}]");

    /// <summary>1.2e-16, 1e-9: short scientific notation.</summary>
    public static string Sci(double value) => value.ToString("0.#e+0", CultureInfo.InvariantCulture);

    private static string Verdict(bool passed) => passed ? "ok" : "FAILED";

    private static void Line(StringBuilder text, string label, string content) =>
        text.Append(label.PadRight(Label)).AppendLine(content);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
