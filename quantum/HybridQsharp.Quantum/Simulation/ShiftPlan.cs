namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// Which angles a parameter-shift evaluation moves, by how much, and where in a <see cref="LaneProgram"/> each shifted
/// circuit leaves the unshifted one: at the first step that reads its angle (or nowhere, when no step reads it).
/// </summary>
internal sealed class ShiftPlan
{
    private readonly int[][] _branchingAt;

    public ShiftPlan(LaneProgram program, ReadOnlySpan<int> angles, double shift)
    {
        Angles = angles.ToArray();
        Shift = shift;
        var firstStep = new int[Math.Max(1, program.AngleCount)];
        Array.Fill(firstStep, program.Ops.Length);
        for (var step = program.Ops.Length - 1; step >= 0; step--)
        {
            if (program.Ops[step].AngleIndex >= 0)
            {
                firstStep[program.Ops[step].AngleIndex] = step;
            }
        }

        var branching = new List<int>[program.Ops.Length + 1];
        for (var step = 0; step < branching.Length; step++)
        {
            branching[step] = [];
        }

        foreach (var (s, angle) in Angles.Index())
        {
            if (angle < 0 || angle >= program.AngleCount)
            {
                throw new ArgumentOutOfRangeException(nameof(angles), angle, $"The tape has {program.AngleCount} angles.");
            }

            branching[firstStep[angle]].Add(s);
        }

        _branchingAt = [.. branching.Select(b => b.ToArray())];

        // Steps applied per circuit: the unshifted run, then two branches from each shifted angle's first step to the end.
        StepsPerCircuit = program.Ops.Length + Angles.Sum(a => 2L * (program.Ops.Length - firstStep[a]));
    }

    /// <summary>The shifted angles, in row order.</summary>
    public int[] Angles { get; }

    public double Shift { get; }

    /// <summary>The unshifted row and two shifted rows per angle.</summary>
    public int RowsPerCircuit => 1 + (2 * Angles.Length);

    public long StepsPerCircuit { get; }

    /// <summary>
    /// The shifts (indices into <see cref="Angles"/>) whose circuits leave the unshifted one just before step <paramref name="step"/>.
    /// </summary>
    public ReadOnlySpan<int> BranchingAt(int step) => _branchingAt[step];
}
