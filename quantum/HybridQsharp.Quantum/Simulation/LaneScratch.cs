namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// One worker's buffers for running a <see cref="LaneProgram"/>: the state batch, the adjoint
/// states λ (one per output for a Jacobian, one for a vector-Jacobian product), every angle's
/// cos/sin per lane, the per-lane gradient accumulators and, for parameter-shift branches, a second state and the
/// shifted angles' cos/sin. Reused across lane batches, so the
/// hot loop allocates nothing.
/// </summary>
internal sealed class LaneScratch
{
    public LaneScratch(LaneProgram program, int lanes, int lambdas, int shiftedAngles = 0)
    {
        Lanes = lanes;
        Psi = new StateBatch(program.Qubits, lanes);
        Lambda = Enumerable.Range(0, lambdas).Select(_ => new StateBatch(program.Qubits, lanes)).ToArray();
        Cos = new double[Math.Max(1, program.AngleCount) * lanes];
        Sin = new double[Math.Max(1, program.AngleCount) * lanes];
        Probabilities = new double[program.Dimension * lanes];
        Weights = new double[Math.Max(program.Observables.Count, program.Dimension) * lanes];
        Gradients = new double[lambdas * Math.Max(1, program.AngleCount) * lanes];
        Branch = shiftedAngles > 0 ? new StateBatch(program.Qubits, lanes) : null;
        ShiftedCos = new double[2 * shiftedAngles * lanes];
        ShiftedSin = new double[2 * shiftedAngles * lanes];
        SavedCos = new double[lanes];
        SavedSin = new double[lanes];
    }

    public int Lanes { get; }

    public StateBatch Psi { get; }

    public StateBatch[] Lambda { get; }

    /// <summary>cos(θ/2) and sin(θ/2) of angle g for lane l at [g * Lanes + l].</summary>
    public double[] Cos { get; }

    public double[] Sin { get; }

    /// <summary>|amplitude|² per physical row and lane (expectations of diagonal observables).</summary>
    public double[] Probabilities { get; }

    /// <summary>Output gradients per observable and lane, or per-row weights of λ for diagonal observables.</summary>
    public double[] Weights { get; }

    /// <summary>A shifted circuit's state, branched off <see cref="Psi"/> (null unless the scratch was made for shifts).</summary>
    public StateBatch? Branch { get; }

    /// <summary>cos((θ_s ± shift)/2) of shifted angle s for lane l at [(2s + 0 for +, 1 for -) * Lanes + l]; likewise sin.</summary>
    public double[] ShiftedCos { get; }

    public double[] ShiftedSin { get; }

    /// <summary>One angle's unshifted cos/sin per lane while a branch runs with its shifted ones.</summary>
    public double[] SavedCos { get; }

    public double[] SavedSin { get; }

    /// <summary>dE/dθ_g for λ m and lane l at [(m * AngleCount + g) * Lanes + l].</summary>
    public double[] Gradients { get; }
}
