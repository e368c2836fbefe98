using System.Text.Json.Serialization;

namespace HybridQsharp.Host.Sweeps;

/// <summary>Where a sweep's cells run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SweepExecutorKind>))]
public enum SweepExecutorKind
{
    /// <summary>Child processes on this machine, the cores split between them.</summary>
    [JsonStringEnumMemberName("local")]
    Local,

    /// <summary>One Slurm job array, a task per cell.</summary>
    [JsonStringEnumMemberName("slurm")]
    Slurm,
}
