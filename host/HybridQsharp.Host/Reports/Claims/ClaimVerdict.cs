using System.Text.Json.Serialization;

namespace HybridQsharp.Host.Reports.Claims;

/// <summary>What our measurements say about one of the paper's claims.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClaimVerdict>))]
public enum ClaimVerdict
{
    /// <summary>The 95 % interval lies entirely on the side the claim states (for every dataset the claim covers that was run).</summary>
    [JsonStringEnumMemberName("holds")]
    Holds,

    /// <summary>The interval lies on the other side, or contains no difference (not significant), or the measured figure contradicts it.</summary>
    [JsonStringEnumMemberName("does-not-hold")]
    DoesNotHold,

    /// <summary>Nothing here measures it (the dataset was not run, or fewer than two seeds pair up); the reason says what would.</summary>
    [JsonStringEnumMemberName("not-tested-here")]
    NotTestedHere,
}
