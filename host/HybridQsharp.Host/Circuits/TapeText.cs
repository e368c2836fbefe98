using System.Globalization;
using System.Text;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Host.Circuits;

/// <summary>The lifted tape as text: one gate per line, with each angle's affine dependence on the parameters.</summary>
public static class TapeText
{
    public static string Render(CircuitTape tape, ClassifierCircuit circuit)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{circuit.Operation}: {tape.Qubits} qubits, {tape.Gates.Count} gates, {tape.Angles.Count(a => !a.IsConstant)} parametric rotations, " +
            $"{circuit.FeatureCount} feature + {circuit.WeightCount} weight parameters");
        for (var g = 0; g < tape.Gates.Count; g++)
        {
            var gate = tape.Gates[g];
            var angle = gate.AngleIndex < 0 ? string.Empty : "  θ = " + Affine(tape.Angles[gate.AngleIndex], circuit);
            text.AppendLine(CultureInfo.InvariantCulture, $"{g,4}  {gate}{angle}");
        }
        return text.ToString();
    }

    private static string Affine(AffineAngle angle, ClassifierCircuit circuit)
    {
        var terms = angle.ParameterIndices.Zip(angle.Coefficients,
            (p, c) => string.Create(CultureInfo.InvariantCulture, $"{c:+0.####;-0.####}·{circuit.ParameterName(p)}")).ToList();
        if (angle.Constant != 0 || terms.Count == 0)
        {
            terms.Insert(0, angle.Constant.ToString("0.######", CultureInfo.InvariantCulture));
        }

        return string.Join(" ", terms).TrimStart('+');
    }
}
