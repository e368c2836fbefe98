using System.Globalization;

namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>The squeue output format the client asks for and its parser.</summary>
public static class SlurmQueueFormat
{
    /// <summary>Job id, array job id, array task id, state, reason; '|' appears in none of them.</summary>
    public const string Format = "%A|%F|%K|%T|%r";

    /// <summary>Tasks from squeue's lines in <see cref="Format"/>; jobs that are not array tasks (<c>%K</c> = N/A) are left out.</summary>
    public static IReadOnlyList<SlurmTask> Parse(string output)
    {
        var tasks = new List<SlurmTask>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('|');
            if (fields.Length != 5 || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var jobId)
                || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var arrayJobId))
            {
                throw new SlurmException($"squeue printed a line this client cannot read: '{line}' (expected {Format})");
            }

            if (fields[2] == "N/A")
            {
                continue;
            }

            IReadOnlyList<int> taskIds;
            try
            {
                taskIds = SlurmArraySpec.Parse(fields[2]);
            }
            catch (FormatException e)
            {
                throw new SlurmException($"squeue printed a line this client cannot read: '{line}' ({e.Message})", e);
            }

            var state = SlurmTaskStates.Parse(fields[3]);
            foreach (var taskId in taskIds)
            {
                tasks.Add(new SlurmTask(arrayJobId, taskId, jobId, state, fields[3], fields[4]));
            }
        }

        return tasks;
    }
}
