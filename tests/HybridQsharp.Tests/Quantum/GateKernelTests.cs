using System.Numerics;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using static HybridQsharp.Tests.Quantum.DenseReference;

namespace HybridQsharp.Tests.Quantum;

/// <summary>
/// Every kernel against its dense matrix, on random states, with qubits in every position (strides 1 to 2⁴, SIMD and scalar paths).
/// </summary>
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
        var expected = Apply(Gate(N, kind, a, b, c, angle), dense);
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
}
