using System.Numerics;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Tests.Quantum;

namespace HybridQsharp.Tests.Host.Circuits;

/// <summary>
/// User circuits for the workbench tests, written as a Q# author would (with their own shape
/// struct), and the same circuits as dense matrices: an independent reference.
/// </summary>
public static class WorkbenchCircuits
{
    public const string SharedOperation = "Bench.Classifier";

    public const string BentOperation = "Bent.Classifier";

    /// <summary>
    /// A shared weight (weights[0] in two RX), a controlled rotation, a CNOT and an angle on a
    /// feature and a weight at once. <paramref name="observables"/> is the Q# value of the shape's
    /// Observables field (<c>[]</c>: Z on each qubit).
    /// </summary>
    public static QsharpSource Shared(string observables = "[]") => new("user/Bench.qs", $$"""
        namespace Bench {
            struct Shape { Features : Int, Weights : Int, Observables : Pauli[][] }

            operation Classifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                Ry(features[0], qubits[0]);
                Ry(features[1], qubits[1]);
                Rx(weights[0], qubits[0]);
                Rx(weights[0], qubits[1]);
                Controlled Rz([qubits[0]], (weights[1], qubits[1]));
                CNOT(qubits[1], qubits[0]);
                Ry(0.5 * features[0] - weights[1], qubits[0]);
            }

            function ClassifierShape(nQubits : Int, nLayers : Int) : Shape {
                new Shape { Features = 2, Weights = 2, Observables = {{observables}} }
            }
        }
        """);

    /// <summary>The shared-weight circuit on (features[0], features[1], weights[0], weights[1]), as dense matrices: its final state.</summary>
    public static Complex[] SharedState(IReadOnlyList<double> p)
    {
        const int n = 2;
        var state = new Complex[1 << n];
        state[0] = 1;
        state = DenseReference.Apply(DenseReference.Single(n, 0, DenseReference.Ry(p[0])), state);
        state = DenseReference.Apply(DenseReference.Single(n, 1, DenseReference.Ry(p[1])), state);
        state = DenseReference.Apply(DenseReference.Single(n, 0, DenseReference.Rx(p[2])), state);
        state = DenseReference.Apply(DenseReference.Single(n, 1, DenseReference.Rx(p[2])), state);
        state = DenseReference.Apply(DenseReference.Controlled(n, 0, 1, DenseReference.Rz(p[3])), state);
        state = DenseReference.Apply(DenseReference.Controlled(n, 1, 0, DenseReference.X), state);
        return DenseReference.Apply(DenseReference.Single(n, 0, DenseReference.Ry((0.5 * p[0]) - p[3])), state);
    }

    /// <summary>⟨ψ|M|ψ⟩ for a Hermitian matrix M.</summary>
    public static double Expectation(Complex[,] observable, Complex[] state) =>
        state.Zip(DenseReference.Apply(observable, state), (a, b) => Complex.Conjugate(a) * b).Aggregate(Complex.Zero, (s, t) => s + t).Real;

    /// <summary>d⟨M⟩/dp_k of the dense circuit by central differences (step 1e-5: error about 1e-10).</summary>
    public static double[] DenseGradient(Complex[,] observable, double[] point)
    {
        const double step = 1e-5;
        return Enumerable.Range(0, point.Length).Select(k =>
        {
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[k] += step;
            minus[k] -= step;
            return (Expectation(observable, SharedState(plus)) - Expectation(observable, SharedState(minus))) / (2 * step);
        }).ToArray();
    }

    public const string ProductOperation = "Product.Classifier";

    /// <summary>An angle that is a weight times a feature: affine in each alone, not jointly.</summary>
    public static QsharpSource Product { get; } = new("user/Product.qs", """
        namespace Product {
            struct Shape { Features : Int, Weights : Int }

            operation Classifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                Ry(features[0], qubits[0]);
                Rx(weights[0] * features[0], qubits[0]);
            }

            function ClassifierShape(nQubits : Int, nLayers : Int) : Shape {
                new Shape { Features = 1, Weights = 1 }
            }
        }
        """);

    /// <summary>An angle that is ArcTan of a weight: not affine, refused naming the gate and the weight.</summary>
    public static QsharpSource Bent { get; } = new("user/Bent.qs", """
        namespace Bent {
            import Std.Math.*;
            struct Shape { Features : Int, Weights : Int }

            operation Classifier(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                Ry(features[0], qubits[0]);
                Ry(features[1], qubits[1]);
                CNOT(qubits[0], qubits[1]);
                Rx(ArcTan(weights[1]), qubits[1]);
                Rx(weights[0], qubits[0]);
            }

            function ClassifierShape(nQubits : Int, nLayers : Int) : Shape {
                new Shape { Features = 2, Weights = 2 }
            }
        }
        """);
}
