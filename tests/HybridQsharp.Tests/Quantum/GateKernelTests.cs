using System.Numerics;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using static HybridQsharp.Tests.Quantum.DenseReference;

namespace HybridQsharp.Tests.Quantum;

/// <summary>Every kernel against its dense matrix, on random states, with qubits in every position (strides 1 to 2⁴, SIMD and scalar paths).</summary>
public sealed class GateKernelTests
{
    private const int N = 5;

    public static TheoryData<GateKind, int, int, int> Gates()
    {
        var data = new TheoryData<GateKind, int, int, int>();
        foreach (var kind in Enum.GetValues<GateKind>())
        {
            foreach (var (a, b, c) in new[] { (0, 1, 2), (4, 0, 3), (2, 4, 0), (3, 2, 1) })
            {
                data.Add(kind, a, b, c);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Gates))]
    public void KernelMatchesDenseMatrix(GateKind kind, int a, int b, int c)
    {
        const double angle = 0.8123;
        var random = new Random(((int)kind * 31) + a);
        var state = new StateVector(N);
        var dense = new Complex[1 << N];
        for (var i = 0; i < dense.Length; i++)
        {
            dense[i] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
            state.Re[i] = dense[i].Real;
            state.Im[i] = dense[i].Imaginary;
        }

        var gate = new TapeGate(kind, a, kind.QubitCount() > 1 ? b : -1, kind.QubitCount() > 2 ? c : -1, kind.IsRotation() ? 0 : -1);
        GateKernels.Apply(state, gate, angle);
        var expected = Apply(Matrix(kind, a, b, c, angle), dense);
        for (var i = 0; i < dense.Length; i++)
        {
            Assert.Equal(expected[i].Real, state.Re[i], 1e-12);
            Assert.Equal(expected[i].Imaginary, state.Im[i], 1e-12);
        }

        GateKernels.Apply(state, gate, angle, inverse: true);
        for (var i = 0; i < dense.Length; i++)
        {
            Assert.Equal(dense[i].Real, state.Re[i], 1e-12);
            Assert.Equal(dense[i].Imaginary, state.Im[i], 1e-12);
        }
    }

    private static Complex[,] Matrix(GateKind kind, int a, int b, int c, double t)
    {
        var s = new Complex[,] { { 1, 0 }, { 0, Complex.ImaginaryOne } };
        var tGate = new Complex[,] { { 1, 0 }, { 0, Complex.FromPolarCoordinates(1, Math.PI / 4) } };
        var h = new Complex[,] { { Math.Sqrt(0.5), Math.Sqrt(0.5) }, { Math.Sqrt(0.5), -Math.Sqrt(0.5) } };
        return kind switch
        {
            GateKind.Rx => Single(N, a, Rx(t)),
            GateKind.Ry => Single(N, a, Ry(t)),
            GateKind.Rz => Single(N, a, Rz(t)),
            GateKind.Rxx => Rotation(OnQubits(N, new Dictionary<int, Complex[,]> { [a] = X, [b] = X }), t),
            GateKind.Ryy => Rotation(OnQubits(N, new Dictionary<int, Complex[,]> { [a] = Y, [b] = Y }), t),
            GateKind.Rzz => Rotation(OnQubits(N, new Dictionary<int, Complex[,]> { [a] = Z, [b] = Z }), t),
            GateKind.H => Single(N, a, h),
            GateKind.S => Single(N, a, s),
            GateKind.SAdj => Single(N, a, Conjugate(s)),
            GateKind.T => Single(N, a, tGate),
            GateKind.TAdj => Single(N, a, Conjugate(tGate)),
            GateKind.X => Single(N, a, X),
            GateKind.Y => Single(N, a, Y),
            GateKind.Z => Single(N, a, Z),
            GateKind.CX => Controlled(N, a, b, X),
            GateKind.CY => Controlled(N, a, b, Y),
            GateKind.CZ => Controlled(N, a, b, Z),
            GateKind.Swap => Add(Add(OnQubits(N, new Dictionary<int, Complex[,]> { [a] = P0, [b] = P0 }), OnQubits(N, new Dictionary<int, Complex[,]> { [a] = P1, [b] = P1 })),
                                 Add(OnQubits(N, new Dictionary<int, Complex[,]> { [a] = new Complex[,] { { 0, 1 }, { 0, 0 } }, [b] = new Complex[,] { { 0, 0 }, { 1, 0 } } }),
                                     OnQubits(N, new Dictionary<int, Complex[,]> { [a] = new Complex[,] { { 0, 0 }, { 1, 0 } }, [b] = new Complex[,] { { 0, 1 }, { 0, 0 } } }))),
            GateKind.CCX => Add(
                Add(OnQubits(N, new Dictionary<int, Complex[,]> { [a] = P0 }), OnQubits(N, new Dictionary<int, Complex[,]> { [a] = P1, [b] = P0 })),
                OnQubits(N, new Dictionary<int, Complex[,]> { [a] = P1, [b] = P1, [c] = X })),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static Complex[,] Conjugate(Complex[,] m) => new[,] { { Complex.Conjugate(m[0, 0]), Complex.Conjugate(m[1, 0]) }, { Complex.Conjugate(m[0, 1]), Complex.Conjugate(m[1, 1]) } };
}
