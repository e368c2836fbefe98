namespace HybridQsharp.Host.Sweeps;

/// <summary>
/// What a cell's own process records in its folder (cell-state.json): a Slurm task cannot update the sweep's manifest
/// safely, so each cell reports through this file and <c>sweep status</c> merges them.
/// </summary>
/// <param name="State">Running while it trains; then completed, interrupted or failed.</param>
/// <param name="Host">The machine it ran on.</param>
/// <param name="ProcessId">Its process id on that machine.</param>
/// <param name="Attempt">1 for the first run, then one more per resume.</param>
/// <param name="Started">When this attempt started.</param>
/// <param name="Ended">When it ended; null while running.</param>
/// <param name="ExitCode">hybridq's exit code (0 done, 130 interrupted, 1 or 2 failed); null while running.</param>
/// <param name="Epochs">The epochs the cell's plan trains.</param>
/// <param name="CompletedEpochs">Epochs finished when the attempt ended.</param>
/// <param name="BestValidationAccuracy">The best validation accuracy so far.</param>
/// <param name="Slurm">The array task it ran as, from SLURM_ARRAY_JOB_ID and SLURM_ARRAY_TASK_ID.</param>
public sealed record CellState(
    CellStatus State,
    string Host,
    int ProcessId,
    int Attempt,
    DateTimeOffset Started,
    DateTimeOffset? Ended,
    int? ExitCode,
    int? Epochs,
    int? CompletedEpochs,
    double? BestValidationAccuracy,
    SlurmTaskReference? Slurm);
