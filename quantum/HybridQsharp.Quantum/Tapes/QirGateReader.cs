using System.Globalization;
using System.Text.RegularExpressions;

namespace HybridQsharp.Quantum.Tapes;

/// <summary>
/// Reads the straight-line gate list of a base-profile QIR program (LLVM text): every
/// <c>__quantum__qis__*</c> call, with qubits from <c>inttoptr (i64 k to %Qubit*)</c> (or
/// <c>null</c> for qubit 0) and angles from literal doubles. Measurements and resets may
/// only come after a qubit's last gate, since a tape has no classical feedback.
/// </summary>
public static partial class QirGateReader
{
    private static readonly HashSet<string> Measurements = new(StringComparer.Ordinal) { "m", "mz", "mresetz", "reset" };

    public static IReadOnlyList<QirGate> Read(string qir)
    {
        var gates = new List<QirGate>();
        var measured = new HashSet<int>();
        var lines = qir.Split('\n');
        for (var lineIndex = 0; lineIndex < lines.Length; lineIndex++)
        {
            var match = QisCall().Match(lines[lineIndex]);
            if (!match.Success)
            {
                continue;
            }

            var name = match.Groups["name"].Value;
            var adjoint = match.Groups["variant"].Value == "adj";
            var arguments = SplitArguments(match.Groups["args"].Value);
            var qubits = arguments.Where(a => a.StartsWith("%Qubit*", StringComparison.Ordinal)).Select(ParseQubit).ToArray();
            if (Measurements.Contains(name))
            {
                measured.UnionWith(qubits);
                continue;
            }

            var qirName = adjoint ? name + "_adj" : name;
            if (!GateKindInfo.TryParseQirName(qirName, out var kind))
            {
                throw new TapeLiftingException(
                    $"QIR line {lineIndex + 1} calls __quantum__qis__{name}__{match.Groups["variant"].Value}, a gate the tape does not support.");
            }

            if (qubits.Length != kind.QubitCount())
            {
                throw new TapeLiftingException($"QIR line {lineIndex + 1}: {qirName} expects {kind.QubitCount()} qubits, found {qubits.Length}.");
            }

            if (qubits.FirstOrDefault(measured.Contains, -1) is var reused and >= 0)
            {
                throw new TapeLiftingException($"QIR line {lineIndex + 1}: {qirName} acts on qubit {reused} after it was measured or reset; " +
                    $"a tape cannot express mid-circuit measurement.");
            }

            var angle = kind.IsRotation() ? ParseDouble(arguments[0], lineIndex) : 0.0;
            gates.Add(new QirGate(kind, qubits, angle, lineIndex + 1));
        }

        return gates;
    }

    private static string[] SplitArguments(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static int ParseQubit(string argument)
    {
        if (argument.EndsWith("null", StringComparison.Ordinal))
        {
            return 0;
        }

        var match = QubitPointer().Match(argument);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new TapeLiftingException($"Unrecognised qubit argument in QIR: '{argument}' (dynamic qubit allocation is not base profile).");
    }

    private static double ParseDouble(string argument, int lineIndex)
    {
        var text = argument.StartsWith("double ", StringComparison.Ordinal)
            ? argument["double ".Length..].Trim()
            : throw new TapeLiftingException(
                $"QIR line {lineIndex + 1}: expected a literal double angle, found '{argument}' (the angle is not known at compile time).");

        // LLVM writes doubles that have no short exact decimal form as 64-bit hex.
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return BitConverter.Int64BitsToDouble(long.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"call\s+void\s+@__quantum__qis__(?<name>[a-z_]+?)__(?<variant>body|adj)\((?<args>.*)\)\s*$")]
    private static partial Regex QisCall();

    [GeneratedRegex(@"inttoptr\s*\(\s*i64\s+(\d+)\s+to")]
    private static partial Regex QubitPointer();
}
