namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// What `circuit check` found out about a classifier, without training it: its shape, the lifted
/// tape's gates, depth and affine map, the native simulator's agreement with the Q# simulator
/// running the original operation, and a gradient check. A circuit the lifter refuses has only
/// its shape and <see cref="Refusal"/> (the lifter's message, naming gate and parameter).
/// <see cref="NotRun"/> names checks that could not run, and why.
/// </summary>
public sealed record CircuitCheckReport(string Operation, int Qubits, int Layers, ShapeSummary Shape)
{
    public string? Refusal { get; init; }

    public GateSummary? Gates { get; init; }

    public ParametricGateSummary? ParametricGates { get; init; }

    public IReadOnlyList<ParameterUse>? AffineMap { get; init; }

    public AgreementSummary? Agreement { get; init; }

    public GradientCheckSummary? Gradients { get; init; }

    public IReadOnlyList<string> NotRun { get; init; } = [];

    /// <summary>Lifted, and every check that ran is within its tolerance.</summary>
    public bool Passed => Refusal is null && Agreement?.Passed != false && Gradients?.Passed != false;
}
