namespace HybridQsharp.Host.Sweeps;

/// <summary>A cell as <c>sweep status</c> shows it: the manifest, the cell's own state file and Slurm's queue merged.</summary>
/// <param name="Detail">Why the state is what it is when that is not obvious (Slurm's word, a vanished process).</param>
public sealed record CellView(
    SweepCell Cell,
    CellStatus State,
    int? CompletedEpochs,
    int? Epochs,
    double? BestValidationAccuracy,
    string? Host,
    TimeSpan? WallTime,
    SlurmTaskReference? Slurm,
    string? Detail)
{
    /// <summary>Whether a rerun or resume should start the cell (again): it is neither done nor already placed.</summary>
    public bool NeedsRun => State is not (CellStatus.Completed or CellStatus.Queued or CellStatus.Running);
}
