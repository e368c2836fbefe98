namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// One worker's buffers for a <see cref="FusedProgram"/>: ψ, the adjoint states λ, every block's
/// matrix and adjoint for the current circuit, the blocks' cross matrices, and small temporaries
/// for reading gate derivatives off a block.
/// </summary>
internal sealed class FusedScratch
{
    public FusedScratch(FusedProgram program, int lambdas)
    {
        Psi = new StateVector(program.Qubits);
        Lambda = Enumerable.Range(0, lambdas).Select(_ => new StateVector(program.Qubits)).ToArray();
        Matrices = program.Blocks.Select(b => b.Constant ?? new SmallMatrix(b.Qubits)).ToArray();
        Adjoints = program.Blocks.Select(b => b.ConstantAdjoint ?? new SmallMatrix(b.Qubits)).ToArray();
        Cross = program.Blocks.Select(b => b.HasDifferentiable ? new double[2 * lambdas * (1 << (2 * b.Qubits))] : []).ToArray();
        Prefix = Enumerable.Range(0, 4).Select(q => new SmallMatrix(Math.Max(1, q))).ToArray();
        Generated = Enumerable.Range(0, 4).Select(q => new SmallMatrix(Math.Max(1, q))).ToArray();
        Work = Enumerable.Range(0, 4).Select(q => new SmallMatrix(Math.Max(1, q))).ToArray();
        Product = Enumerable.Range(0, 4).Select(q => new SmallMatrix(Math.Max(1, q))).ToArray();
    }

    public StateVector Psi { get; }

    public StateVector[] Lambda { get; }

    public SmallMatrix[] Matrices { get; }

    public SmallMatrix[] Adjoints { get; }

    /// <summary>Per block, per λ: d² real parts then d² imaginary parts of C.</summary>
    public double[][] Cross { get; }

    // Temporaries indexed by block size in qubits.
    public SmallMatrix[] Prefix { get; }

    public SmallMatrix[] Generated { get; }

    public SmallMatrix[] Work { get; }

    public SmallMatrix[] Product { get; }
}
