using System.Runtime.Intrinsics;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// One worker's buffers for a <see cref="FusedProgram"/>: ψ and the adjoint states λ for
/// <see cref="Lanes"/> circuits side by side (one SIMD vector per amplitude row), every block's
/// matrix and adjoint per lane, their per-lane coefficient vectors, the blocks' cross matrices, and
/// small temporaries for reading gate derivatives off a block.
/// </summary>
internal sealed class FusedScratch
{
    public static readonly int Lanes = Vector256<double>.Count;

    public FusedScratch(FusedProgram program, int lambdas)
    {
        Psi = new StateBatch(program.Qubits, Lanes);
        Lambda = Enumerable.Range(0, lambdas).Select(_ => new StateBatch(program.Qubits, Lanes)).ToArray();
        Matrices = program.Blocks.Select(b => Enumerable.Range(0, Lanes).Select(_ => b.Constant ?? new SmallMatrix(b.Qubits)).ToArray()).ToArray();
        Adjoints =
            program.Blocks.Select(b => Enumerable.Range(0, Lanes).Select(_ => b.ConstantAdjoint ?? new SmallMatrix(b.Qubits)).ToArray()).ToArray();
        Coefficients = program.Blocks.Select(b => Pair(Lanes << (2 * b.Qubits))).ToArray();
        AdjointCoefficients = program.Blocks.Select(b => Pair(Lanes << (2 * b.Qubits))).ToArray();
        Cross = program.Blocks.Select(b => b.HasDifferentiable ? new double[2 * lambdas * (Lanes << (2 * b.Qubits))] : []).ToArray();
        Work = Enumerable.Range(0, 4).Select(q => new SmallMatrix(Math.Max(1, q))).ToArray();
        Prefix = Enumerable.Range(0, 4).Select(q => new SmallMatrix(Math.Max(1, q))).ToArray();
        Generated = Enumerable.Range(0, 4).Select(q => new SmallMatrix(Math.Max(1, q))).ToArray();
        Product = Enumerable.Range(0, 4).Select(q => new SmallMatrix(Math.Max(1, q))).ToArray();
        Weights = new double[Math.Max(1, program.Observables.Count) * Lanes];
        LaneAngles = new double[Lanes * Math.Max(1, program.AngleCount)];
    }

    /// <summary>Each lane's gate angles (zero for lanes past the last circuit), lane-major.</summary>
    public double[] LaneAngles { get; }

    public StateBatch Psi { get; }

    public StateBatch[] Lambda { get; }

    /// <summary>Per block, per lane: the block's matrix for that lane's circuit.</summary>
    public SmallMatrix[][] Matrices { get; }

    public SmallMatrix[][] Adjoints { get; }

    /// <summary>Per block: entry (r, c) of every lane's matrix as one vector at [(r * d + c) * Lanes + lane].</summary>
    public (double[] Re, double[] Im)[] Coefficients { get; }

    public (double[] Re, double[] Im)[] AdjointCoefficients { get; }

    /// <summary>Per block, per λ: C's d² real-part vectors then d² imaginary-part vectors (lane = circuit).</summary>
    public double[][] Cross { get; }

    /// <summary>Output gradients per observable and lane.</summary>
    public double[] Weights { get; }

    // Temporaries indexed by block size in qubits.
    public SmallMatrix[] Work { get; }

    public SmallMatrix[] Prefix { get; }

    public SmallMatrix[] Generated { get; }

    public SmallMatrix[] Product { get; }

    private static (double[] Re, double[] Im) Pair(int count) => (new double[count], new double[count]);
}
