using System.Text.Json.Serialization;

namespace HybridQsharp.Classical.Models;

/// <summary>The model families a run trains; their keys name checkpoints, metrics rows and figures.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelKind>))]
public enum ModelKind
{
    /// <summary>CNN → reducer → quantum layer → head (the paper's hybrid).</summary>
    [JsonStringEnumMemberName("hybrid")]
    Hybrid,

    /// <summary>The paper's classical CNN baseline.</summary>
    [JsonStringEnumMemberName("classical")]
    Classical,

    /// <summary>The hybrid with its quantum layer replaced by Linear + tanh of the same widths.</summary>
    [JsonStringEnumMemberName("twin")]
    Twin,
}
