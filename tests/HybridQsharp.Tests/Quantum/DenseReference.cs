using System.Numerics;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>
/// An independent reference: gates as dense 2ⁿ×2ⁿ complex matrices built from Kronecker
/// products of their textbook 2×2 definitions, applied by plain matrix-vector products.
/// Big-endian like Q#: qubit 0 is the leftmost factor.
/// </summary>
public static class DenseReference
{
    public static readonly Complex[,] I2 = { { 1, 0 }, { 0, 1 } };
    public static readonly Complex[,] X = { { 0, 1 }, { 1, 0 } };
    public static readonly Complex[,] Y = { { 0, -Complex.ImaginaryOne }, { Complex.ImaginaryOne, 0 } };
    public static readonly Complex[,] Z = { { 1, 0 }, { 0, -1 } };
    public static readonly Complex[,] P0 = { { 1, 0 }, { 0, 0 } };
    public static readonly Complex[,] P1 = { { 0, 0 }, { 0, 1 } };

    public static readonly Complex[,] H = { { Math.Sqrt(0.5), Math.Sqrt(0.5) }, { Math.Sqrt(0.5), -Math.Sqrt(0.5) } };
    public static readonly Complex[,] S = { { 1, 0 }, { 0, Complex.ImaginaryOne } };
    public static readonly Complex[,] T = { { 1, 0 }, { 0, Complex.FromPolarCoordinates(1, Math.PI / 4) } };

    /// <summary>The n-qubit matrix of a tape gate from the textbook definitions (qubits a, b, c as the gate's slots).</summary>
    public static Complex[,] Gate(int n, GateKind kind, int a, int b, int c, double t) => kind switch
    {
        GateKind.Rx => Single(n, a, Rx(t)),
        GateKind.Ry => Single(n, a, Ry(t)),
        GateKind.Rz => Single(n, a, Rz(t)),
        GateKind.Rxx => Rotation(OnQubits(n, new Dictionary<int, Complex[,]> { [a] = X, [b] = X }), t),
        GateKind.Ryy => Rotation(OnQubits(n, new Dictionary<int, Complex[,]> { [a] = Y, [b] = Y }), t),
        GateKind.Rzz => Rotation(OnQubits(n, new Dictionary<int, Complex[,]> { [a] = Z, [b] = Z }), t),
        GateKind.H => Single(n, a, H),
        GateKind.S => Single(n, a, S),
        GateKind.SAdj => Single(n, a, Adjoint(S)),
        GateKind.T => Single(n, a, T),
        GateKind.TAdj => Single(n, a, Adjoint(T)),
        GateKind.X => Single(n, a, X),
        GateKind.Y => Single(n, a, Y),
        GateKind.Z => Single(n, a, Z),
        GateKind.CX => Controlled(n, a, b, X),
        GateKind.CY => Controlled(n, a, b, Y),
        GateKind.CZ => Controlled(n, a, b, Z),
        GateKind.Swap => Add(Add(OnQubits(n, new Dictionary<int, Complex[,]> { [a] = P0, [b] = P0 }),
            OnQubits(n, new Dictionary<int, Complex[,]> { [a] = P1, [b] = P1 })),
                             Add(OnQubits(n, new Dictionary<int, Complex[,]> { [a] = new Complex[,] { { 0, 1 }, { 0, 0 } },
                                 [b] = new Complex[,] { { 0, 0 }, { 1, 0 } } }),
                                 OnQubits(n, new Dictionary<int, Complex[,]> { [a] = new Complex[,] { { 0, 0 }, { 1, 0 } },
                                     [b] = new Complex[,] { { 0, 1 }, { 0, 0 } } }))),
        GateKind.CCX => Add(
            Add(OnQubits(n, new Dictionary<int, Complex[,]> { [a] = P0 }), OnQubits(n, new Dictionary<int, Complex[,]> { [a] = P1, [b] = P0 })),
            OnQubits(n, new Dictionary<int, Complex[,]> { [a] = P1, [b] = P1, [c] = X })),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static Complex[,] Adjoint(Complex[,] m)
    {
        var n = m.GetLength(0);
        var r = new Complex[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                r[i, j] = Complex.Conjugate(m[j, i]);
            }
        }

        return r;
    }

    /// <summary>The tape's final state for one row of gate angles, by dense matrix-vector products from |0…0⟩.</summary>
    public static Complex[] Run(CircuitTape tape, ReadOnlySpan<double> angles)
    {
        var n = tape.Qubits;
        var state = new Complex[1 << n];
        state[0] = 1;
        foreach (var gate in tape.Gates)
        {
            state = Apply(Gate(n, gate.Kind, gate.Qubit0, gate.Qubit1, gate.Qubit2, gate.AngleIndex >= 0 ? angles[gate.AngleIndex] : 0), state);
        }

        return state;
    }

    /// <summary>The n-qubit matrix of a Pauli string (Kronecker product of its factors).</summary>
    public static Complex[,] Pauli(int n, PauliString pauli) =>
        OnQubits(n, pauli.Factors.ToDictionary(f => f.Qubit, f => f.Pauli switch
        {
            HybridQsharp.Quantum.Tapes.Pauli.X => X,
            HybridQsharp.Quantum.Tapes.Pauli.Y => Y,
            HybridQsharp.Quantum.Tapes.Pauli.Z => Z,
            _ => I2,
        }));

    /// <summary>⟨ψ|O|ψ⟩ (real part; O is Hermitian).</summary>
    public static double Expectation(Complex[] state, Complex[,] observable)
    {
        var applied = Apply(observable, state);
        var sum = Complex.Zero;
        for (var i = 0; i < state.Length; i++)
        {
            sum += Complex.Conjugate(state[i]) * applied[i];
        }

        return sum.Real;
    }

    /// <summary>Expectations of every observable of the tape for every circuit (circuits × outputs), densely.</summary>
    public static double[] Expectations(CircuitTape tape, double[] angles, int circuits)
    {
        var observables = tape.Observables.Select(o => Pauli(tape.Qubits, o)).ToArray();
        var result = new double[circuits * observables.Length];
        for (var c = 0; c < circuits; c++)
        {
            var state = Run(tape, angles.AsSpan(c * tape.AngleCount, tape.AngleCount));
            for (var o = 0; o < observables.Length; o++)
            {
                result[(c * observables.Length) + o] = Expectation(state, observables[o]);
            }
        }

        return result;
    }

    /// <summary>
    /// dE_o/dp_k of the first <paramref name="circuits"/> rows of parameters by central differences of the dense expectations
    /// (circuits × outputs × parameters).
    /// </summary>
    public static double[] CentralDifferences(CircuitTape tape, double[] parameters, int circuits, double step = 1e-5)
    {
        var outputs = tape.OutputCount;
        var p = tape.ParameterCount;
        var jacobian = new double[circuits * outputs * p];
        for (var c = 0; c < circuits; c++)
        {
            for (var k = 0; k < p; k++)
            {
                var plus = parameters.AsSpan(c * p, p).ToArray();
                var minus = (double[])plus.Clone();
                plus[k] += step;
                minus[k] -= step;
                var ePlus = Expectations(tape, tape.EvaluateAngles(plus, 1), 1);
                var eMinus = Expectations(tape, tape.EvaluateAngles(minus, 1), 1);
                for (var o = 0; o < outputs; o++)
                {
                    jacobian[(((c * outputs) + o) * p) + k] = (ePlus[o] - eMinus[o]) / (2 * step);
                }
            }
        }

        return jacobian;
    }

    public static Complex[,] Rx(double t) => Rotation(X, t);

    public static Complex[,] Ry(double t) => Rotation(Y, t);

    public static Complex[,] Rz(double t) => Rotation(Z, t);

    /// <summary>exp(-i t/2 P) = cos(t/2) I - i sin(t/2) P for a Pauli matrix P (any size).</summary>
    public static Complex[,] Rotation(Complex[,] pauli, double t)
    {
        var n = pauli.GetLength(0);
        var r = new Complex[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                r[i, j] = ((i == j ? Math.Cos(t / 2) : 0) * Complex.One) - (Complex.ImaginaryOne * Math.Sin(t / 2) * pauli[i, j]);
            }
        }

        return r;
    }

    public static Complex[,] Kron(Complex[,] a, Complex[,] b)
    {
        int ra = a.GetLength(0), rb = b.GetLength(0);
        var r = new Complex[ra * rb, ra * rb];
        for (var i = 0; i < ra; i++)
        {
            for (var j = 0; j < ra; j++)
            {
                for (var k = 0; k < rb; k++)
                {
                    for (var l = 0; l < rb; l++)
                    {
                        r[(i * rb) + k, (j * rb) + l] = a[i, j] * b[k, l];
                    }
                }
            }
        }

        return r;
    }

    /// <summary>The n-qubit operator that applies <paramref name="factors"/>[q] to qubit q (identity where absent).</summary>
    public static Complex[,] OnQubits(int n, IReadOnlyDictionary<int, Complex[,]> factors)
    {
        Complex[,] m = { { 1 } };
        for (var q = 0; q < n; q++)
        {
            m = Kron(m, factors.TryGetValue(q, out var f) ? f : I2);
        }

        return m;
    }

    public static Complex[,] Single(int n, int qubit, Complex[,] gate) => OnQubits(n, new Dictionary<int, Complex[,]> { [qubit] = gate });

    /// <summary>|0⟩⟨0| ⊗ I + |1⟩⟨1| ⊗ U on (control, target).</summary>
    public static Complex[,] Controlled(int n, int control, int target, Complex[,] gate) =>
        Add(OnQubits(n, new Dictionary<int, Complex[,]> { [control] = P0 }),
            OnQubits(n, new Dictionary<int, Complex[,]> { [control] = P1, [target] = gate }));

    public static Complex[,] Add(Complex[,] a, Complex[,] b)
    {
        var r = (Complex[,])a.Clone();
        for (var i = 0; i < r.GetLength(0); i++)
        {
            for (var j = 0; j < r.GetLength(1); j++)
            {
                r[i, j] += b[i, j];
            }
        }

        return r;
    }

    public static Complex[] Apply(Complex[,] m, Complex[] v)
    {
        var r = new Complex[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            for (var j = 0; j < v.Length; j++)
            {
                r[i] += m[i, j] * v[j];
            }
        }

        return r;
    }

    public static double ExpectationZ(Complex[] state, int n, int qubit) =>
        state.Select((a, i) => ((i >> (n - 1 - qubit)) & 1) == 0 ? a.Magnitude * a.Magnitude : -a.Magnitude * a.Magnitude).Sum();

    /// <summary>The paper's classifier from its definition: normalised amplitudes, then per layer RX on each qubit and the CNOT ring.</summary>
    public static double[] PaperClassifier(double[] amplitudes, double[] weights, int n, int layers)
    {
        var norm = Math.Sqrt(amplitudes.Sum(a => a * a));
        var state = amplitudes.Select(a => new Complex(a / norm, 0)).ToArray();
        for (var l = 0; l < layers; l++)
        {
            for (var q = 0; q < n; q++)
            {
                state = Apply(Single(n, q, Rx(weights[(l * n) + q])), state);
            }

            for (var q = 0; q < n; q++)
            {
                state = Apply(Controlled(n, q, (q + 1) % n, X), state);
            }
        }

        return Enumerable.Range(0, n).Select(q => ExpectationZ(state, n, q)).ToArray();
    }
}
