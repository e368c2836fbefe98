using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Tests.Quantum;

/// <summary>Circuits written for the tests, in the style a user would write them.</summary>
public static class TestCircuits
{
    /// <summary>Controlled rotations, shared and scaled parameters and every kind of fixed gate.</summary>
    public static ClassifierCircuit UserStyle { get; } = new(
        new QsharpProgram([new QsharpSource("user/UserCircuit.qs", """
            namespace User {
                operation Classifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                    H(qubits[0]);
                    Controlled Ry([qubits[0]], (weights[0], qubits[1]));
                    Rz(2.0 * features[0] + weights[0], qubits[2]);
                    Rxx(features[1], qubits[0], qubits[2]);
                    Controlled Rx([qubits[1]], (0.5 * weights[1] - features[0], qubits[0]));
                    S(qubits[1]);
                    T(qubits[2]);
                    Adjoint S(qubits[0]);
                    SWAP(qubits[0], qubits[1]);
                    CCNOT(qubits[0], qubits[1], qubits[2]);
                    Ry(weights[0], qubits[2]);
                    CY(qubits[2], qubits[0]);
                    CZ(qubits[1], qubits[2]);
                    Ryy(weights[2] - features[1], qubits[1], qubits[2]);
                    Rzz(3.0 * weights[1], qubits[0], qubits[1]);
                    Adjoint T(qubits[1]);
                    Y(qubits[0]);
                    Rx(features[2] * 1.5, qubits[1]);
                }
            }
            """)]),
        "User.Classifier",
        3,
        3,
        3);

    /// <summary>A rotation whose angle is a non-linear function of a weight.</summary>
    public static ClassifierCircuit NonAffine { get; } = new(
        new QsharpProgram([new QsharpSource("user/NonAffine.qs", """
            namespace User {
                import Std.Math.*;
                operation Classifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                    Ry(features[0], qubits[0]);
                    Rx(ArcTan(weights[0]), qubits[0]);
                }
            }
            """)]),
        "User.Classifier",
        1,
        1,
        1);

    public static IEnumerable<ClassifierCircuit> BuiltIns()
    {
        foreach (var encoding in Enum.GetValues<Encoding>())
        {
            foreach (var ansatz in Enum.GetValues<Ansatz>())
            {
                yield return BuiltInClassifiers.Create(encoding, ansatz, 4, 2);
            }
        }

        yield return BuiltInClassifiers.Create(Encoding.Angle, Ansatz.BasicEntangler, 2, 2);
        yield return BuiltInClassifiers.Create(Encoding.Amplitude, Ansatz.StronglyEntangling, 3, 3);
    }

    public static double[] RandomParameters(ClassifierCircuit circuit, int circuits, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, circuits * circuit.ParameterCount).Select(_ => Math.PI * ((2 * random.NextDouble()) - 1)).ToArray();
    }
}
