using HybridQsharp.Classical.Training.Attacks;

namespace HybridQsharp.Host.Reports;

/// <summary>
/// A number of a <see cref="SeedResult"/> the statistics summarise: its label, unit and the factor it is shown with (100 for percentages).
/// </summary>
public sealed record SeedMetric(string Label, string Unit, double Scale, Func<SeedResult, double?> Value)
{
    public static SeedMetric BestValidationAccuracy { get; } = new("best val acc", "%", 100, r => r.BestValidationAccuracy);

    public static SeedMetric TestAccuracy { get; } = new("test acc", "%", 100, r => r.TestAccuracy);

    public static SeedMetric TestF1 { get; } = new("test macro F1", "", 1, r => r.TestF1);

    public static SeedMetric MedianEpochSeconds { get; } = new("median epoch", "s", 1, r => r.MedianEpochSeconds);

    public static SeedMetric PeakResident { get; } = new("peak RSS", "MB", 1, r => r.PeakResidentMegabytes);

    public static SeedMetric CpuUtilisation { get; } = new("CPU utilisation", "%", 100, r => r.CpuUtilisation);

    public static SeedMetric Parameters { get; } = new("parameters", "", 1, r => r.Parameters);

    /// <summary>Test accuracy under the attack of <paramref name="semantics"/>, labelled with it (e.g. "test acc, paper PGD ε=0.1").</summary>
    public static SeedMetric Attack(AttackSemantics semantics, string label) =>
        new(AttackColumns.Header(label), "%", 100, r => r.AttackAccuracy(semantics));

    /// <summary>The label with its unit, for table headers ("test acc %").</summary>
    public string Header => Unit.Length == 0 ? Label : $"{Label} {Unit}";
}
