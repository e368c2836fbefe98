namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// Parameter shift, adjoint differentiation and central differences (step <see cref="Step"/>)
/// compared pairwise at <see cref="Points"/> random points over the training ranges.
/// </summary>
public sealed record GradientCheckSummary(int Points, double Step, IReadOnlyList<GradientDeviation> Pairs)
{
    public bool Passed => Pairs.All(p => p.Passed);

    /// <summary>The largest deviation of any pair.</summary>
    public double Worst => Pairs.Max(p => p.Worst);
}
