using System.Numerics;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

/// <summary>Pauli-string expectations and phase-aligned state distances on dense states, against dense matrices.</summary>
public sealed class PauliExpectationTests
{
    [Theory]
    [InlineData("Z0")]
    [InlineData("X1")]
    [InlineData("Y2")]
    [InlineData("Z0 Z1")]
    [InlineData("X0 Y1 Z2")]
    [InlineData("Y0 Y2")]
    public void ExpectationEqualsTheDenseMatrixElement(string text)
    {
        const int n = 3;
        var random = new Random(text.Length);
        var state = Normalised(Enumerable.Range(0, 1 << n).Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5)).ToArray());
        var observable = PauliString.Parse(text);
        var matrix = DenseReference.OnQubits(n, observable.Factors.ToDictionary(f => f.Qubit, f => f.Pauli switch
        {
            Pauli.X => DenseReference.X,
            Pauli.Y => DenseReference.Y,
            _ => DenseReference.Z,
        }));

        var expected = state.Zip(DenseReference.Apply(matrix, state), (a, b) => Complex.Conjugate(a) * b)
            .Aggregate(Complex.Zero, (s, t) => s + t).Real;

        Assert.Equal(expected, PauliExpectation.Of(observable, Interleaved(state), n), 1e-12);
    }

    [Fact]
    public void StatesThatDifferByAGlobalPhaseAreAtDistanceZero()
    {
        var random = new Random(5);
        var amplitudes = Normalised(Enumerable.Range(0, 4).Select(_ => new Complex(random.NextDouble(), random.NextDouble())).ToArray());
        var native = new StateVector(2);
        for (var i = 0; i < 4; i++)
        {
            native.Re[i] = amplitudes[i].Real;
            native.Im[i] = amplitudes[i].Imaginary;
        }

        var phased = amplitudes.Select(a => a * Complex.FromPolarCoordinates(1, 2.1)).ToArray();
        var flipped = amplitudes.Select((a, i) => i == 3 ? -a : a).ToArray();

        Assert.InRange(OperationComparison.PhaseAlignedDistance(native, Interleaved(phased)), 0, 1e-15);
        Assert.InRange(OperationComparison.PhaseAlignedDistance(native, Interleaved(flipped)), 1e-3, 2);
    }

    private static Complex[] Normalised(Complex[] v)
    {
        var norm = Math.Sqrt(v.Sum(a => a.Magnitude * a.Magnitude));
        return v.Select(a => a / norm).ToArray();
    }

    private static double[] Interleaved(Complex[] v) => v.SelectMany(a => new[] { a.Real, a.Imaginary }).ToArray();
}
