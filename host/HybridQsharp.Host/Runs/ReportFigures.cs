using System.Text.Json.Serialization;

namespace HybridQsharp.Host.Runs;

/// <summary>Which figures a run's report draws.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportFigures>))]
public enum ReportFigures
{
    /// <summary>Every figure, those that need the trained models and the data (feature spaces, predictions, samples, circuit) too.</summary>
    [JsonStringEnumMemberName("all")]
    All,

    /// <summary>
    /// Only the figures drawn from the metrics (curves, resources, confusion matrices, bars): seconds instead of minutes, e.g. for sweep cells.
    /// </summary>
    [JsonStringEnumMemberName("metrics")]
    Metrics,
}
