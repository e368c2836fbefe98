using System.Text.Json;
using HybridQsharp.Host.Runs;

namespace HybridQsharp.Host.Sweeps;

/// <summary>
/// A sweep's folder: sweep.json (the manifest), cells/&lt;id&gt;/ (each an ordinary run folder plus cell-state.json),
/// slurm/ (the array script, task lists and task output), and the sweep report.
/// </summary>
public sealed class SweepFolder(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string Manifest => System.IO.Path.Combine(Path, "sweep.json");

    public string Cells => System.IO.Path.Combine(Path, "cells");

    public string Slurm => System.IO.Path.Combine(Path, "slurm");

    public string Figures => System.IO.Path.Combine(Path, "figures");

    public string ReportMarkdown => System.IO.Path.Combine(Path, "report.md");

    public string ReportHtml => System.IO.Path.Combine(Path, "report.html");

    /// <summary>Held by the one sweep process that places cells and writes the manifest.</summary>
    public string Lock => System.IO.Path.Combine(Path, ".sweep.lock");

    public string CellFolder(string id) => System.IO.Path.Combine(Cells, id);

    public string CellStateFile(string id) => System.IO.Path.Combine(CellFolder(id), "cell-state.json");

    /// <summary>stdout and stderr of the cell's processes under the local executor (appended per attempt).</summary>
    public string CellOutput(string id) => System.IO.Path.Combine(CellFolder(id), "output.log");

    /// <summary>Held by the process training the cell, so no two train it at once.</summary>
    public string CellLock(string id) => System.IO.Path.Combine(CellFolder(id), ".cell.lock");

    public bool Exists => File.Exists(Manifest);

    /// <exception cref="SweepException">There is no manifest, or it does not read.</exception>
    public SweepManifest ReadManifest()
    {
        if (!File.Exists(Manifest))
        {
            throw new SweepException($"{Path} is not a sweep folder (no sweep.json); start one with: hybridq sweep --out {Path} ...");
        }

        try
        {
            return JsonSerializer.Deserialize<SweepManifest>(File.ReadAllBytes(Manifest), RunFolder.Json)
                ?? throw new SweepException($"{Manifest} is empty.");
        }
        catch (JsonException e)
        {
            throw new SweepException($"{Manifest} is not a readable sweep manifest: {e.Message}");
        }
    }

    /// <summary>Writes the manifest atomically (temporary file, then rename).</summary>
    public void WriteManifest(SweepManifest manifest) => RunFolder.WriteJson(Manifest, manifest);

    /// <summary>The cell's own state file, or null when it has none (never started) or it does not read.</summary>
    public CellState? ReadCellState(string id)
    {
        var file = CellStateFile(id);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CellState>(File.ReadAllBytes(file), RunFolder.Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    public void WriteCellState(string id, CellState state) => RunFolder.WriteJson(CellStateFile(id), state);

    /// <summary>Takes an exclusive lock on <paramref name="path"/> (flock on Linux), or returns null when another process holds it.</summary>
    public static FileStream? TryLock(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
