using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Sweeps;
using HybridQsharp.Host.Sweeps.Slurm;

namespace HybridQsharp.Tests.Host.Sweeps;

/// <summary>How <c>sweep status</c> merges the manifest, a cell's own state file and Slurm's word on its task.</summary>
public sealed class SweepStatusMergeTests
{
    private static readonly SweepCell Cell = new("mnist-hybrid-s1", "mnist", ModelKind.Hybrid, 1, new Dictionary<string, string>());
    private static readonly SweepCell Submitted = Cell with { State = CellStatus.Queued, Slurm = new SlurmTaskReference(40, 3) };

    [Fact]
    public void ACellNeverStartedIsPending()
    {
        var view = SweepStatusReader.Merge(Cell, null, null, queueKnown: true);

        Assert.Equal(CellStatus.Pending, view.State);
        Assert.True(view.NeedsRun);
    }

    [Fact]
    public void ACompletedStateFileWinsOverEverything()
    {
        var done = State(CellStatus.Completed) with
        {
            Ended = DateTimeOffset.UtcNow, ExitCode = 0, CompletedEpochs = 3, BestValidationAccuracy = 0.97,
        };

        var view = SweepStatusReader.Merge(Submitted, done, Task(SlurmTaskState.Cancelled), queueKnown: true);

        Assert.Equal(CellStatus.Completed, view.State);
        Assert.Equal((3, 0.97), (view.CompletedEpochs, view.BestValidationAccuracy));
        Assert.False(view.NeedsRun);
    }

    [Theory]
    [InlineData(SlurmTaskState.Pending, CellStatus.Queued, false)]
    [InlineData(SlurmTaskState.Running, CellStatus.Running, false)]
    [InlineData(SlurmTaskState.Cancelled, CellStatus.Cancelled, true)]
    [InlineData(SlurmTaskState.Timeout, CellStatus.Cancelled, true)]
    [InlineData(SlurmTaskState.OutOfMemory, CellStatus.Failed, true)]
    [InlineData(SlurmTaskState.Preempted, CellStatus.Interrupted, true)]
    public void SlurmsWordOnTheTaskDecidesUnlessTheCellCompleted(SlurmTaskState task, CellStatus expected, bool needsRun)
    {
        var view = SweepStatusReader.Merge(Submitted, State(CellStatus.Running), Task(task), queueKnown: true);

        Assert.Equal(expected, view.State);
        Assert.Equal(needsRun, view.NeedsRun);
        Assert.Equal(new SlurmTaskReference(40, 3), view.Slurm);
    }

    [Fact]
    public void ASubmittedCellThatLeftTheQueueWithoutAWordIsLost()
    {
        var neverStarted = SweepStatusReader.Merge(Submitted, null, null, queueKnown: true);
        var killed = SweepStatusReader.Merge(Submitted, State(CellStatus.Running), null, queueKnown: true);
        var unknown = SweepStatusReader.Merge(Submitted, null, null, queueKnown: false);

        Assert.Equal(CellStatus.Lost, neverStarted.State);
        Assert.Contains("never started", neverStarted.Detail);
        Assert.Equal(CellStatus.Lost, killed.State);
        Assert.True(killed.NeedsRun);

        // Without squeue's answer a missing task says nothing: the manifest's state stands.
        Assert.Equal(CellStatus.Queued, unknown.State);
    }

    [Fact]
    public void ALocalCellWhoseProcessIsGoneIsLost()
    {
        // A process id that cannot be alive: the state file says running, nothing runs it.
        var state = State(CellStatus.Running) with { ProcessId = int.MaxValue - 1 };

        var view = SweepStatusReader.Merge(Cell, state, null, queueKnown: true);

        Assert.Equal(CellStatus.Lost, view.State);
        Assert.True(view.NeedsRun);
    }

    [Fact]
    public void ALocalCellRunningInThisProcessIsRunning()
    {
        // Recorded after this process started, as run-cell records it.
        var state = State(CellStatus.Running) with { ProcessId = Environment.ProcessId, Started = DateTimeOffset.UtcNow };
        var view = SweepStatusReader.Merge(Cell, state, null, queueKnown: true);

        Assert.Equal(CellStatus.Running, view.State);
        Assert.False(view.NeedsRun);
    }

    [Fact]
    public void InterruptedAndFailedCellsNeedARun()
    {
        var interrupted = SweepStatusReader.Merge(Cell, State(CellStatus.Interrupted) with { ExitCode = 130 }, null, queueKnown: true);
        var failed = SweepStatusReader.Merge(Cell, State(CellStatus.Failed) with { ExitCode = 1 }, null, queueKnown: true);

        Assert.Equal((CellStatus.Interrupted, true), (interrupted.State, interrupted.NeedsRun));
        Assert.Equal((CellStatus.Failed, true, "exit 1"), (failed.State, failed.NeedsRun, failed.Detail));
    }

    private static CellState State(CellStatus status) =>
        new(status, Environment.MachineName, Environment.ProcessId, 1, DateTimeOffset.UtcNow.AddMinutes(-5), null, null, 3, 1, 0.5, null);

    private static SlurmTask Task(SlurmTaskState state) => new(40, 3, 43, state, state.ToString().ToUpperInvariant(), "None");
}
