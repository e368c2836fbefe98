namespace HybridQsharp.Host.Sweeps;

/// <summary>
/// sweep.json: the grid as given, the cells it expanded into with the state the sweep process last recorded, the
/// executor, and every Slurm submission. Only the process placing cells writes it (atomically); cells report
/// through their own cell-state.json.
/// </summary>
/// <param name="Source">Where the grid came from: "flags" or the grid file's path.</param>
public sealed record SweepManifest(
    int Version,
    DateTimeOffset Created,
    string Source,
    SweepGrid Grid,
    SweepExecutorKind Executor,
    IReadOnlyList<SweepCell> Cells,
    IReadOnlyList<SlurmSubmission> Submissions)
{
    public const int CurrentVersion = 1;

    /// <summary>The cell with this id.</summary>
    /// <exception cref="SweepException">No cell has it.</exception>
    public SweepCell Cell(string id) => Cells.FirstOrDefault(c => c.Id == id)
        ?? throw new SweepException(
            $"the sweep has no cell '{id}'; its cells: {string.Join(", ", Cells.Take(20).Select(c => c.Id))}{(Cells.Count > 20 ? ", ..." : "")}");

    /// <summary>This manifest with the cells of <paramref name="updates"/> replaced (by id).</summary>
    public SweepManifest WithCells(IEnumerable<SweepCell> updates)
    {
        var byId = updates.ToDictionary(c => c.Id);
        return this with { Cells = [.. Cells.Select(c => byId.GetValueOrDefault(c.Id) ?? c)] };
    }
}
