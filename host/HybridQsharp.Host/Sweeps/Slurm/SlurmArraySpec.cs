using System.Globalization;
using System.Text;

namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>Slurm's array index notation (<c>0-3,7,9-10%2</c>): written for sbatch, read back from squeue.</summary>
public static class SlurmArraySpec
{
    /// <summary>The <c>--array</c> value for these task ids, runs of consecutive ids as ranges, <c>%N</c> when limited.</summary>
    public static string Format(IReadOnlyCollection<int> taskIds, int? maxConcurrent = null)
    {
        if (taskIds.Count == 0)
        {
            throw new ArgumentException("A job array needs at least one task id.", nameof(taskIds));
        }

        if (taskIds.Any(id => id < 0))
        {
            throw new ArgumentException($"Array task ids are non-negative (got {taskIds.Min()}).", nameof(taskIds));
        }

        var sorted = taskIds.Order().ToArray();
        if (sorted.Distinct().Count() != sorted.Length)
        {
            throw new ArgumentException("Array task ids must be distinct.", nameof(taskIds));
        }

        var text = new StringBuilder();
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end + 1 < sorted.Length && sorted[end + 1] == sorted[end] + 1)
            {
                end++;
            }

            text.Append(text.Length == 0 ? "" : ",").Append(sorted[start].ToString(CultureInfo.InvariantCulture));
            if (end > start)
            {
                text.Append('-').Append(sorted[end].ToString(CultureInfo.InvariantCulture));
            }

            start = end + 1;
        }

        if (maxConcurrent is { } limit)
        {
            text.Append('%').Append(limit.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The task ids in an index expression such as squeue prints for pending tasks (<c>2-5</c>, <c>1,3-4%2</c>, <c>[0-2]</c>).</summary>
    public static IReadOnlyList<int> Parse(string expression)
    {
        var body = expression.Split('%')[0].Trim().Trim('[', ']');
        var ids = new List<int>();
        foreach (var part in body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var step = 1;
            var range = part.Split(':');
            if (range.Length == 2)
            {
                step = ParseNumber(range[1], expression);
            }

            var bounds = range[0].Split('-');
            var first = ParseNumber(bounds[0], expression);
            var last = bounds.Length == 2 ? ParseNumber(bounds[1], expression) : first;
            if (bounds.Length > 2 || last < first || step < 1)
            {
                throw new FormatException($"'{expression}' is not a Slurm array index expression");
            }

            for (var id = first; id <= last; id += step)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static int ParseNumber(string text, string expression) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{expression}' is not a Slurm array index expression");
}
