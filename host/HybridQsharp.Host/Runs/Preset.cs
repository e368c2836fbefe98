using System.Text.Json.Serialization;

namespace HybridQsharp.Host.Runs;

/// <summary>How much of the paper's protocol a run follows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Preset>))]
public enum Preset
{
    /// <summary>A seeded subset and 3 epochs: minutes on two cores, every stage exercised once.</summary>
    [JsonStringEnumMemberName("quick")]
    Quick,

    /// <summary>The paper's protocol: full splits, 50 epochs, PGD every 5 epochs on the whole validation split.</summary>
    [JsonStringEnumMemberName("paper")]
    Paper,

    /// <summary>Whole splits, no training (what the data verbs read).</summary>
    [JsonStringEnumMemberName("full")]
    Full,
}
