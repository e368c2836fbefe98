using System.Globalization;
using System.Text;

namespace HybridQsharp.Host.Sweeps;

/// <summary>
/// <c>sweep status</c>'s table: one row per cell (state, epoch, best validation accuracy, host, wall time, Slurm task), then counts.
/// </summary>
public static class SweepStatusTable
{
    public static string Text(IReadOnlyList<CellView> cells)
    {
        string[] header = ["cell", "state", "epoch", "best val acc", "host", "wall time", "slurm task", "detail"];
        var rows = cells.Select(c => new[]
        {
            c.Cell.Id,
            c.State.ToString().ToLowerInvariant(),
            c.CompletedEpochs is { } done ? $"{done}/{c.Epochs?.ToString(CultureInfo.InvariantCulture) ?? "?"}" : c.Epochs is { } e ? $"0/{e}" : "–",
            c.BestValidationAccuracy is { } best && double.IsFinite(best) ? (best * 100).ToString("F2", CultureInfo.InvariantCulture) + " %" : "–",
            c.Host ?? "–",
            c.WallTime is { } wall ? $"{(int)wall.TotalHours}:{wall.Minutes:00}:{wall.Seconds:00}" : "–",
            c.Slurm?.ToString() ?? "–",
            c.Detail ?? string.Empty,
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cellsOfRow) =>
            text.AppendLine(string.Join("  ", cellsOfRow.Select((value, i) => i == cellsOfRow.Count - 1 ? value : value.PadRight(widths[i])))
                .TrimEnd());
        Line(header);
        foreach (var row in rows)
        {
            Line(row);
        }

        text.AppendLine();
        var counts = cells.GroupBy(c => c.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        text.AppendLine(string.Join(", ", counts) + $" (of {cells.Count})");
        return text.ToString();
    }
}
