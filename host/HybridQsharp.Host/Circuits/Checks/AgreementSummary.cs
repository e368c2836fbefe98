namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// The native simulator running the tape against the Q# simulator running the ORIGINAL
/// operation, at random points over the training ranges: states (up to a global phase; ⟨Z_i⟩
/// above 12 qubits, see <see cref="StateComparison"/>), as the lift is verified, and the outputs
/// (every declared observable), as the host checks before training. <see cref="WorstOutputDeviation"/>
/// is null when the outputs could not be computed (see the report's NotRun).
/// </summary>
public sealed record AgreementSummary(
    int StatePoints, string StateComparison, double WorstStateDistance, int OutputPoints, double? WorstOutputDeviation, double Tolerance)
{
    public bool Passed => WorstStateDistance <= Tolerance && (WorstOutputDeviation is null || WorstOutputDeviation <= Tolerance);
}
