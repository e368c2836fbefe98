using System.Globalization;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Statistics;

namespace HybridQsharp.Host.Reports.Claims;

/// <summary>
/// Holds each claim of the paper's abstract against per-seed results (docs/paper.md has the paper's numbers): accuracy
/// per dataset, the advantage growing with dataset complexity, the epoch-time ratio, the parameter ratio, robustness on
/// MNIST and CIFAR-100 under each attack, memory, CPU utilisation, and whether the gain comes from the quantum layer
/// (hybrid vs twin). Every verdict follows <see cref="ClaimRules"/>.
/// </summary>
public static class ClaimsEvaluator
{
    private static readonly (string Key, string Name)[] Datasets = [("mnist", "MNIST"), ("cifar100", "CIFAR-100"), ("stl10", "STL-10")];

    private static readonly AttackSemantics[] Attacks = [AttackSemantics.Paper, AttackSemantics.Sound, AttackSemantics.ClampOnly];

    /// <summary>Why resource numbers differ in kind from the paper's, said wherever they are compared.</summary>
    public const string ResourceNote = "ours: this training process alone, its per-epoch peak resident set (VmHWM) and its CPU time over wall time "
        + "and the cores it could use; the paper's: psutil deltas of the whole machine";

    /// <summary>The one command that runs a dataset's cells of the paper's protocol, shortened to 15 epochs, here.</summary>
    public static string Command(string dataset) =>
        $"hybridq sweep --out sweeps/{dataset} --datasets {dataset} --data-dir DIR --models all --seeds 1 2 3 4 5 --preset paper --epochs 15";

    public static IReadOnlyList<Claim> Evaluate(IReadOnlyList<SeedResult> results)
    {
        var claims = new List<Claim>();
        claims.AddRange(Datasets.Select(d => Accuracy(results, d.Key, d.Name)));
        claims.Add(AdvantageGrowsWithComplexity(results));
        claims.Add(EpochTime(results));
        claims.Add(ParameterCount(results));
        claims.AddRange(Robustness(results, "mnist", "MNIST"));
        claims.AddRange(Robustness(results, "cifar100", "CIFAR-100"));
        claims.Add(Resource(results, "memory", "The hybrid uses less memory than the classical CNN.",
            "4–5 GB (hybrid) vs 5–6 GB (classical), psutil memory deltas", SeedMetric.PeakResident, "MB", 1));
        claims.Add(Resource(results, "cpu", "The hybrid uses less CPU than the classical CNN.",
            "9.5 % (hybrid) vs 23.2 % (classical) CPU, psutil deltas", SeedMetric.CpuUtilisation, "points", 100));
        claims.Add(QuantumLayer(results));
        return claims;
    }

    private static Claim Accuracy(IReadOnlyList<SeedResult> results, string dataset, string name)
    {
        var statement = $"The hybrid is more accurate than the classical CNN on {name}.";
        var (hybrid, classical) = (PaperReference.For(dataset, ModelKind.Hybrid), PaperReference.For(dataset, ModelKind.Classical));
        var paper = hybrid is null || classical is null
            ? "–"
            : Invariant($"test {hybrid.TestAccuracy * 100:F2} % vs {classical.TestAccuracy * 100:F2} % ")
                + Invariant($"({(hybrid.TestAccuracy - classical.TestAccuracy) * 100:+0.00} points)");
        if (!Has(results, dataset))
        {
            return NotRun($"accuracy-{dataset}", statement, paper, dataset, name);
        }

        var comparison = Paired(results, dataset, ModelKind.Hybrid, ModelKind.Classical, SeedMetric.TestAccuracy);
        var (verdict, reason) = ClaimRules.OnDifference(comparison, ClaimDirection.Positive, 100, "points");
        return new Claim($"accuracy-{dataset}", statement, paper,
            [.. Level(results, dataset, ModelKind.Hybrid, SeedMetric.TestAccuracy, "hybrid test acc"),
             .. Level(results, dataset, ModelKind.Classical, SeedMetric.TestAccuracy, "classical test acc"),
             .. Difference(comparison, "hybrid − classical", "points", 100)],
            verdict, reason);
    }

    private static Claim AdvantageGrowsWithComplexity(IReadOnlyList<SeedResult> results)
    {
        const string id = "advantage-vs-complexity";
        const string statement = "The hybrid's advantage over the classical CNN grows with dataset complexity (MNIST → CIFAR-100, STL-10).";
        var paper = string.Join(", ",
            PaperPairs().Select(d => Invariant($"{d.Name} {(d.Hybrid.TestAccuracy - d.Classical.TestAccuracy) * 100:+0.00}"))) + " points (test)";
        var advantages = Datasets
            .Select(d => (d.Key, d.Name, Comparison: Paired(results, d.Key, ModelKind.Hybrid, ModelKind.Classical, SeedMetric.TestAccuracy)))
            .Where(d => d.Comparison.Difference?.MeanInterval is not null)
            .ToList();
        var ours = advantages.SelectMany(a => Difference(a.Comparison, $"{a.Name} hybrid − classical", "points", 100)).ToList();
        var simplest = advantages.FirstOrDefault(a => a.Key == "mnist");
        var complex = advantages.Where(a => a.Key != "mnist").ToList();
        if (simplest.Comparison is null || complex.Count == 0)
        {
            var run = string.Join(", ", Datasets.Where(d => Has(results, d.Key)).Select(d => d.Name));
            return new Claim(id, statement, paper, ours, ClaimVerdict.NotTestedHere,
                $"needs MNIST and CIFAR-100 or STL-10, each with at least 2 paired seeds (run here: {(run.Length == 0 ? "none" : run)}); "
                + $"run the others with: {Command("cifar100")} (and stl10 alike)");
        }

        var mnist = simplest.Comparison.Difference!.MeanInterval!;
        var parts = complex.Select(c =>
        {
            var ci = c.Comparison.Difference!.MeanInterval!;
            var verdict = ci.Lower > mnist.Upper ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold;
            var how = ci.Lower > mnist.Upper ? "lies above" : ci.Upper < mnist.Lower ? "lies below (the opposite)" : "overlaps (not shown)";
            return (c.Name, verdict,
                Invariant($"its advantage's 95 % CI [{ci.Lower * 100:F2}, {ci.Upper * 100:F2}] {how} ")
                + Invariant($"MNIST's [{mnist.Lower * 100:F2}, {mnist.Upper * 100:F2}]"));
        }).ToList();
        var (overall, reason) = ClaimRules.AcrossDatasets(parts);
        return new Claim(id, statement, paper, ours, overall, reason);
    }

    private static Claim EpochTime(IReadOnlyList<SeedResult> results)
    {
        const string statement = "The hybrid trains 5–12× faster per epoch than the classical CNN.";
        const string paper = "5–12× (abstract); per-epoch logs: MNIST 18.8–21.6 s vs 27.9–108.4 s, CIFAR-100 41–44 s vs 98–514 s, "
            + "STL-10 39–49 s vs 116–376 s";
        var ours = new List<Estimate>();
        var parts = new List<(string, ClaimVerdict, string)>();
        foreach (var (key, name) in Datasets.Where(d => Has(results, d.Key)))
        {
            var hybrid = SweepStatistics.BySeed(results, key, ModelKind.Hybrid, SeedMetric.MedianEpochSeconds);
            var classical = SweepStatistics.BySeed(results, key, ModelKind.Classical, SeedMetric.MedianEpochSeconds);
            var ratios = hybrid.Keys.Intersect(classical.Keys).Where(s => hybrid[s] > 0).Select(s => classical[s] / hybrid[s]).ToList();
            var summary = ratios.Count == 0 ? null : SampleStatistics.Summarize(ratios);
            if (summary is not null)
            {
                ours.Add(Estimate.Of($"{name} classical / hybrid median epoch time", summary, "×"));
            }

            var (verdict, reason) = ClaimRules.OnInterval(summary, ClaimDirection.Positive, 5, 1, "×");
            parts.Add((name, verdict, reason));
        }

        var (overall, why) = Across(parts, "epoch-time");
        return new Claim("epoch-time", statement, paper, ours, overall,
            why + "; wall-clock times, comparable only when the runs shared a machine under the same load");
    }

    private static Claim ParameterCount(IReadOnlyList<SeedResult> results)
    {
        const string statement = "The hybrid has 6–32 % fewer parameters than the classical CNN.";
        var paper = "6–32 % fewer (abstract); its own models: " + string.Join(", ", PaperPairs()
            .Select(d => Invariant($"{d.Name} {d.Hybrid.Parameters:N0} vs {d.Classical.Parameters:N0} ")
                + $"({Change(d.Hybrid.Parameters, d.Classical.Parameters)})"));
        var ours = new List<Estimate>();
        var parts = new List<(string, ClaimVerdict, string)>();
        foreach (var (key, name) in Datasets.Where(d => Has(results, d.Key)))
        {
            var hybrid = results.FirstOrDefault(r => r.Dataset == key && r.Model == ModelKind.Hybrid);
            var classical = results.FirstOrDefault(r => r.Dataset == key && r.Model == ModelKind.Classical);
            if (hybrid is null || classical is null)
            {
                parts.Add((name, ClaimVerdict.NotTestedHere, "needs a hybrid and a classical run"));
                continue;
            }

            var change = (hybrid.Parameters - classical.Parameters) / (double)classical.Parameters;
            var seeds = results.Count(r => r.Dataset == key && r.Model == ModelKind.Hybrid);
            ours.Add(new Estimate($"{name} hybrid vs classical parameters", change, null, seeds, "%", 100, Signed: true));
            var counts = Invariant($"{hybrid.Parameters:N0} vs {classical.Parameters:N0} ({Change(hybrid.Parameters, classical.Parameters)}");
            var verdict = hybrid.Parameters < classical.Parameters ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold;
            parts.Add((name, verdict, counts + "; counts are exact, no interval)"));
        }

        var (overall, reason) = Across(parts, "parameters");
        return new Claim("parameters", statement, paper, ours, overall, reason);
    }

    private static IEnumerable<Claim> Robustness(IReadOnlyList<SeedResult> results, string dataset, string name)
    {
        var (hybridPaper, classicalPaper) = (PaperReference.For(dataset, ModelKind.Hybrid), PaperReference.For(dataset, ModelKind.Classical));
        var about = hybridPaper?.RobustnessIsApproximate == true ? "about " : string.Empty;
        var paperFigure = hybridPaper?.Robustness is { } h && classicalPaper?.Robustness is { } c
            ? Invariant($"hybrid {about}{h * 100:0.##} %, classical {about}{c * 100:0.##} % (PGD ε = 0.1 as its code ran it: the paper attack)")
            : "–";
        if (!Has(results, dataset))
        {
            yield return NotRun($"robustness-{dataset}", $"The hybrid is more robust than the classical CNN under PGD on {name}.", paperFigure,
                dataset, name);
            yield break;
        }

        foreach (var semantics in Attacks)
        {
            var label = results.SelectMany(r => r.Attacks).FirstOrDefault(a => a.Semantics == semantics)?.Label ?? semantics.Name();
            var metric = SeedMetric.Attack(semantics, label);
            var id = $"robustness-{dataset}-{semantics.Name()}";
            var statement = semantics == AttackSemantics.ClampOnly
                ? $"The hybrid keeps more accuracy than the classical CNN on {name} when images are only clamped to [0, 1] in normalised space "
                    + "(the paper attack's clamp, no perturbation)."
                : $"The hybrid is more robust than the classical CNN on {name} under {label}.";
            var figure = semantics == AttackSemantics.Paper ? paperFigure : "not measured by the paper (it ran only its own attack)";
            var comparison = Paired(results, dataset, ModelKind.Hybrid, ModelKind.Classical, metric);
            if (comparison.Pairs == 0)
            {
                yield return new Claim(id, statement, figure, [], ClaimVerdict.NotTestedHere,
                    $"not measured in these runs (no {semantics.Name()} accuracy in their metrics.json)");
                continue;
            }

            var (verdict, reason) = ClaimRules.OnDifference(comparison, ClaimDirection.Positive, 100, "points");
            yield return new Claim(id, statement, figure,
                [.. Level(results, dataset, ModelKind.Hybrid, metric, "hybrid"), .. Level(results, dataset, ModelKind.Classical, metric, "classical"),
                 .. Difference(comparison, "hybrid − classical", "points", 100)],
                verdict, reason);
        }
    }

    private static Claim Resource(
        IReadOnlyList<SeedResult> results, string id, string statement, string paper, SeedMetric metric, string unit, double scale)
    {
        var ours = new List<Estimate>();
        var parts = new List<(string, ClaimVerdict, string)>();
        foreach (var (key, name) in Datasets.Where(d => Has(results, d.Key)))
        {
            var comparison = Paired(results, key, ModelKind.Hybrid, ModelKind.Classical, metric);
            ours.AddRange(Level(results, key, ModelKind.Hybrid, metric, $"{name} hybrid", scale == 100 ? "%" : unit));
            ours.AddRange(Level(results, key, ModelKind.Classical, metric, $"{name} classical", scale == 100 ? "%" : unit));
            ours.AddRange(Difference(comparison, $"{name} hybrid − classical", unit, scale));
            var (verdict, reason) = ClaimRules.OnDifference(comparison, ClaimDirection.Negative, scale, unit);
            parts.Add((name, verdict, reason));
        }

        var (overall, why) = Across(parts, id);
        return new Claim(id, statement, paper, ours, overall, $"{why}; {ResourceNote}");
    }

    private static Claim QuantumLayer(IReadOnlyList<SeedResult> results)
    {
        const string statement = "The gain comes from the quantum layer: the hybrid beats its twin "
            + "(the same network with Linear + tanh in place of the quantum layer).";
        const string paper = "not measured (the paper compares with a different, classical CNN and credits the quantum layer)";
        var ours = new List<Estimate>();
        var parts = new List<(string, ClaimVerdict, string)>();
        foreach (var (key, name) in Datasets.Where(d => Has(results, d.Key)))
        {
            var comparison = Paired(results, key, ModelKind.Hybrid, ModelKind.Twin, SeedMetric.TestAccuracy);
            if (comparison.Pairs == 0)
            {
                parts.Add((name, ClaimVerdict.NotTestedHere, "no twin runs paired with hybrid runs (add --models twin)"));
                continue;
            }

            ours.AddRange(Difference(comparison, $"{name} hybrid − twin test acc", "points", 100));
            var (verdict, reason) = ClaimRules.OnDifference(comparison, ClaimDirection.Positive, 100, "points");
            parts.Add((name, verdict, reason));
        }

        var (overall, why) = Across(parts, "quantum-layer");
        return new Claim("quantum-layer", statement, paper, ours, overall, why);
    }

    /// <summary><see cref="ClaimRules.AcrossDatasets"/>, naming the datasets no run covered and how to run them.</summary>
    private static (ClaimVerdict, string) Across(List<(string Dataset, ClaimVerdict Verdict, string Reason)> parts, string id)
    {
        var missing = Datasets.Where(d => parts.All(p => p.Dataset != d.Name)).ToList();
        if (parts.Count == 0)
        {
            return (ClaimVerdict.NotTestedHere, $"no runs of any dataset; run: {Command("mnist")}");
        }

        var (verdict, reason) = ClaimRules.AcrossDatasets(parts);
        return missing.Count == 0
            ? (verdict, reason)
            : (verdict, $"{reason}; not run here: {string.Join(", ", missing.Select(m => m.Name))} ({Command(missing[0].Key)})");
    }

    private static Claim NotRun(string id, string statement, string paper, string dataset, string name) =>
        new(id, statement, paper, [], ClaimVerdict.NotTestedHere, $"no {name} runs here; run them with: {Command(dataset)}");

    private static bool Has(IReadOnlyList<SeedResult> results, string dataset) => results.Any(r => r.Dataset == dataset);

    /// <summary>The paper's hybrid and classical figures of each dataset it reports both for.</summary>
    private static IEnumerable<(string Name, PaperReference Hybrid, PaperReference Classical)> PaperPairs() =>
        Datasets.Select(d => (d.Name, Hybrid: PaperReference.For(d.Key, ModelKind.Hybrid), Classical: PaperReference.For(d.Key, ModelKind.Classical)))
            .Where(d => d.Hybrid is not null && d.Classical is not null)
            .Select(d => (d.Name, d.Hybrid!, d.Classical!));

    private static PairedComparison Paired(IReadOnlyList<SeedResult> results, string dataset, ModelKind first, ModelKind second, SeedMetric metric) =>
        PairedDifferences.Compare(SweepStatistics.BySeed(results, dataset, first, metric), SweepStatistics.BySeed(results, dataset, second, metric));

    private static IEnumerable<Estimate> Level(
        IReadOnlyList<SeedResult> results, string dataset, ModelKind model, SeedMetric metric, string label, string unit = "%")
    {
        var values = SweepStatistics.BySeed(results, dataset, model, metric).Values.ToList();
        return values.Count == 0 ? [] : [Estimate.Of(label, SampleStatistics.Summarize(values), unit, metric.Scale)];
    }

    private static IEnumerable<Estimate> Difference(PairedComparison comparison, string label, string unit, double scale) =>
        comparison.Difference is { } d ? [Estimate.Of(label, d, unit, scale, signed: true)] : [];

    private static string Change(long hybrid, long classical)
    {
        var change = (hybrid - classical) / (double)classical;
        return change < 0 ? Invariant($"{-change * 100:F1} % fewer") : Invariant($"{change * 100:F1} % more");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
