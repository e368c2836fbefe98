using System.Text.Json.Serialization;

namespace HybridQsharp.Host.Sweeps;

/// <summary>Where a cell stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CellStatus>))]
public enum CellStatus
{
    /// <summary>Planned, never started or submitted.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Waiting in a Slurm queue.</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Trained, tested and reported: a rerun skips it.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>Stopped by Ctrl+C or SIGTERM after its last checkpoint: a rerun resumes it.</summary>
    [JsonStringEnumMemberName("interrupted")]
    Interrupted,

    /// <summary>Cancelled in Slurm (scancel, time limit): a resume resubmits it.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,

    /// <summary>Ended with an error (its exit code and output say which).</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Recorded as running or submitted, but its process or task is gone without a word.</summary>
    [JsonStringEnumMemberName("lost")]
    Lost,
}
