using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Reports;

namespace HybridQsharp.Tests.Host.Reports;

/// <summary>Hand-made per-seed results for the statistics and claims tests.</summary>
public static class SeedResults
{
    public static SeedResult Of(string dataset, ModelKind model, int seed, double test, double? paperAttack = null, double epochSeconds = 10,
        double residentMegabytes = 500, double cpu = 0.5, long parameters = 1000, double[]? curve = null) =>
        new(dataset, model, seed, parameters, test, test, test,
            paperAttack is { } a ? [new AttackMeasurement(AttackSemantics.Paper, 0.1, 0.01, 10, true, 100, a)] : [],
            epochSeconds, residentMegabytes, cpu, curve ?? [test]);

    /// <summary>One result per seed 1, 2, 3, ... with the given test accuracies.</summary>
    public static IEnumerable<SeedResult> Seeds(string dataset, ModelKind model, params double[] tests) =>
        tests.Select((t, i) => Of(dataset, model, i + 1, t));
}
