using System.Text.Json;
using HybridQsharp.Host.Runs;

namespace HybridQsharp.Host.Sweeps;

/// <summary>Writes a cell's cell-state.json as its process goes: running at the start, then how it ended.</summary>
public sealed class CellStateRecorder
{
    private readonly SweepFolder _folder;
    private readonly string _cell;
    private CellState _state;

    /// <summary>Records the start of a new attempt (one more than the last recorded).</summary>
    public CellStateRecorder(SweepFolder folder, string cell)
    {
        _folder = folder;
        _cell = cell;
        var previous = folder.ReadCellState(cell);
        _state = new CellState(CellStatus.Running, Environment.MachineName, Environment.ProcessId, (previous?.Attempt ?? 0) + 1,
            DateTimeOffset.UtcNow, null, null, previous?.Epochs, previous?.CompletedEpochs, previous?.BestValidationAccuracy,
            SlurmTaskFromEnvironment());
        folder.WriteCellState(cell, _state);
    }

    public CellState State => _state;

    /// <summary>The epochs the cell's plan trains, once its settings are parsed.</summary>
    public void Planned(int epochs)
    {
        _state = _state with { Epochs = epochs };
        _folder.WriteCellState(_cell, _state);
    }

    /// <summary>Records how the attempt ended, from hybridq's exit code and the run's metrics.json.</summary>
    public CellState Finished(int exitCode)
    {
        var status = exitCode switch
        {
            0 => CellStatus.Completed,
            130 => CellStatus.Interrupted,
            _ => CellStatus.Failed,
        };
        var (epochs, best) = Progress(Path.Combine(_folder.CellFolder(_cell), "metrics.json"));
        _state = _state with
        {
            State = status,
            Ended = DateTimeOffset.UtcNow,
            ExitCode = exitCode,
            CompletedEpochs = epochs ?? _state.CompletedEpochs,
            BestValidationAccuracy = best ?? _state.BestValidationAccuracy,
        };
        _folder.WriteCellState(_cell, _state);
        return _state;
    }

    /// <summary>Epochs done and the best validation accuracy of the (one) model in a run's metrics.json, if it has one.</summary>
    public static (int? Epochs, double? Best) Progress(string metricsJson)
    {
        if (!File.Exists(metricsJson))
        {
            return (null, null);
        }

        try
        {
            var summary = JsonSerializer.Deserialize<ExperimentSummary>(File.ReadAllBytes(metricsJson), RunFolder.Json);
            var model = summary?.Models.LastOrDefault();
            return model is null || model.History.Count == 0 ? (null, null) : (model.History.Count, model.BestValidationAccuracy);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return (null, null);
        }
    }

    private static SlurmTaskReference? SlurmTaskFromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable("SLURM_ARRAY_JOB_ID"), out var job)
        && int.TryParse(Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID"), out var task)
            ? new SlurmTaskReference(job, task)
            : null;
}
