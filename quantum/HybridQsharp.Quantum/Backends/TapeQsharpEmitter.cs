using System.Globalization;
using System.Text;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>
/// Writes a tape back out as a Q# operation <c>Apply(angles : Double[], qubits : Qubit[])</c>,
/// so that the Q# simulator can run circuits given by gate angles, e.g. the shifted
/// evaluations of the parameter-shift rule, which no choice of the original operation's
/// parameters expresses when parameters are shared between gates. A measurement basis, when
/// given, is appended as the gates that rotate it onto Z (X: H; Y: S† then H), as hardware
/// measures a Pauli string.
/// </summary>
public static class TapeQsharpEmitter
{
    public const string Operation = "HybridQsharpRuntime.Tape.Apply";

    public static QsharpProgram Emit(CircuitTape tape) => Emit(tape, MeasurementBasis.Computational(tape.Qubits));

    public static QsharpProgram Emit(CircuitTape tape, MeasurementBasis basis)
    {
        var text = new StringBuilder();
        text.AppendLine("namespace HybridQsharpRuntime.Tape {");
        text.AppendLine("    operation Apply(angles : Double[], qubits : Qubit[]) : Unit {");
        foreach (var gate in tape.Gates)
        {
            var qubits = new[] { gate.Qubit0, gate.Qubit1, gate.Qubit2 }.Take(gate.Kind.QubitCount()).Select(q => $"qubits[{q}]");
            var arguments = gate.AngleIndex >= 0 ? qubits.Prepend($"angles[{gate.AngleIndex}]") : qubits;
            text.Append(CultureInfo.InvariantCulture, $"        {gate.Kind.QsharpName()}({string.Join(", ", arguments)});").AppendLine();
        }

        for (var q = 0; q < tape.Qubits; q++)
        {
            switch (basis.On(q))
            {
                case Pauli.X:
                    text.Append(CultureInfo.InvariantCulture, $"        H(qubits[{q}]);").AppendLine();
                    break;
                case Pauli.Y:
                    text.Append(CultureInfo.InvariantCulture, $"        Adjoint S(qubits[{q}]);").AppendLine();
                    text.Append(CultureInfo.InvariantCulture, $"        H(qubits[{q}]);").AppendLine();
                    break;
            }
        }

        text.AppendLine("    }");
        text.AppendLine("}");
        return new QsharpProgram([new QsharpSource("<lifted-tape>", text.ToString())]);
    }
}
