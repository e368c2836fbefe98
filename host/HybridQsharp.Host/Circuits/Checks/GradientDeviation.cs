namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// The largest |difference| between two gradient methods' Jacobians over every point, output
/// and parameter, where it occurred (output and parameter), and whether it is within tolerance.
/// </summary>
public sealed record GradientDeviation(string First, string Second, double Worst, string Output, string Parameter, double Tolerance)
{
    public bool Passed => Worst <= Tolerance;
}
