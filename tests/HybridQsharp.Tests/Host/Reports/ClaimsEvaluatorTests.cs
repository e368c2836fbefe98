using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Reports;
using HybridQsharp.Host.Reports.Claims;

namespace HybridQsharp.Tests.Host.Reports;

/// <summary>
/// The verdict rule on hand-made results: a claim holds when the 95 % interval lies on its side of the threshold,
/// does not hold when it lies on the other side or contains the threshold, and is not tested with fewer than two
/// paired seeds or without the dataset.
/// </summary>
public sealed class ClaimsEvaluatorTests
{
    [Fact]
    public void AnIntervalAboveZeroHolds()
    {
        var claim = Evaluate("accuracy-mnist", [.. Models(ModelKind.Hybrid, 0.99, 0.991, 0.989), .. Models(ModelKind.Classical, 0.97, 0.97, 0.97)]);

        Assert.Equal(ClaimVerdict.Holds, claim.Verdict);
        Assert.StartsWith("the 95 % CI [1.75, 2.25] points lies above 0", claim.Reason);
        Assert.Equal("test 99.49 % vs 98.56 % (+0.93 points)", claim.PaperFigure);
        Assert.Equal("hybrid − classical: +2.00 points [+1.75, +2.25], n = 3", claim.Ours[^1].ToString());
    }

    [Fact]
    public void AnIntervalContainingZeroDoesNotHoldAndSaysNotSignificant()
    {
        var claim = Evaluate("accuracy-mnist", [.. Models(ModelKind.Hybrid, 0.90, 0.92, 0.94), .. Models(ModelKind.Classical, 0.88, 0.91, 0.91)]);

        Assert.Equal(ClaimVerdict.DoesNotHold, claim.Verdict);
        Assert.StartsWith("not significant: the 95 % CI [-0.48, 4.48] points contains 0 (paired t-test p = 0.0742, n = 3)", claim.Reason);
    }

    [Fact]
    public void AnIntervalBelowZeroDoesNotHoldAndSaysTheOppositeHolds()
    {
        var claim = Evaluate("accuracy-mnist", [.. Models(ModelKind.Hybrid, 0.90, 0.90, 0.91), .. Models(ModelKind.Classical, 0.95, 0.96, 0.95)]);

        Assert.Equal(ClaimVerdict.DoesNotHold, claim.Verdict);
        Assert.StartsWith("the opposite:", claim.Reason);
    }

    [Fact]
    public void OnePairIsNotTestedAndAMissingDatasetNamesTheCommand()
    {
        var results = Models(ModelKind.Hybrid, 0.99).Concat(Models(ModelKind.Classical, 0.98)).ToList();

        var mnist = Evaluate("accuracy-mnist", results);
        var cifar = Evaluate("accuracy-cifar100", results);

        Assert.Equal(ClaimVerdict.NotTestedHere, mnist.Verdict);
        Assert.Equal("n = 1: an interval needs at least 2 seeds", mnist.Reason);
        Assert.Equal(ClaimVerdict.NotTestedHere, cifar.Verdict);
        Assert.Empty(cifar.Ours);
        Assert.Contains(ClaimsEvaluator.Command("cifar100"), cifar.Reason);
        Assert.Equal("hybridq sweep --out sweeps/cifar100 --datasets cifar100 --data-dir DIR --models all --seeds 1 2 3 4 5 --preset paper "
            + "--epochs 15", ClaimsEvaluator.Command("cifar100"));
    }

    [Fact]
    public void TheSpeedUpMustBeAtLeastFiveFold()
    {
        SeedResult Timed(ModelKind model, int seed, double seconds) => SeedResults.Of("mnist", model, seed, 0.9, epochSeconds: seconds);
        SeedResult[] fast =
            [Timed(ModelKind.Hybrid, 1, 2), Timed(ModelKind.Hybrid, 2, 2), Timed(ModelKind.Classical, 1, 20), Timed(ModelKind.Classical, 2, 22)];
        SeedResult[] slow =
            [Timed(ModelKind.Hybrid, 1, 10), Timed(ModelKind.Hybrid, 2, 10), Timed(ModelKind.Classical, 1, 14), Timed(ModelKind.Classical, 2, 15)];

        var wide = Evaluate("epoch-time", fast);
        var fails = Evaluate("epoch-time", slow);

        // Ratios 10 and 11: mean 10.5, sd √0.5, 1 df: half-width tan(0.475π)·0.5 = 6.35, so the interval [4.15, 16.85] contains 5.
        Assert.Equal(ClaimVerdict.DoesNotHold, wide.Verdict);
        Assert.Contains("contains 5", wide.Reason);
        Assert.Equal(ClaimVerdict.DoesNotHold, fails.Verdict);
        Assert.StartsWith("MNIST: the opposite: the 95 % CI", fails.Reason);
        Assert.Contains("lies below 5", fails.Reason);
        // Ratios 1.4 and 1.5: half-width tan(0.475π)·0.05 = 0.635.
        Assert.Equal("MNIST classical / hybrid median epoch time: 1.45× [0.81, 2.09], n = 2", fails.Ours[0].ToString());
    }

    [Fact]
    public void FewerParametersOnEveryDatasetRunHoldsAndMoreDoesNot()
    {
        SeedResult With(string dataset, ModelKind model, long parameters) => SeedResults.Of(dataset, model, 1, 0.9, parameters: parameters);

        var mnist = Evaluate("parameters", [With("mnist", ModelKind.Hybrid, 142_530), With("mnist", ModelKind.Classical, 151_754)]);
        var stl = Evaluate("parameters", [With("mnist", ModelKind.Hybrid, 142_530), With("mnist", ModelKind.Classical, 151_754),
            With("stl10", ModelKind.Hybrid, 4_603_298), With("stl10", ModelKind.Classical, 1_687_306)]);

        Assert.Equal(ClaimVerdict.Holds, mnist.Verdict);
        Assert.Contains("MNIST: 142,530 vs 151,754 (6.1 % fewer", mnist.Reason);
        Assert.Contains("not run here: CIFAR-100, STL-10", mnist.Reason);
        Assert.Equal(ClaimVerdict.DoesNotHold, stl.Verdict);
        Assert.Contains("STL-10: 4,603,298 vs 1,687,306 (172.8 % more", stl.Reason);
    }

    [Fact]
    public void LessMemoryIsANegativeDifferenceAndTheTableSaysWhatWeMeasure()
    {
        SeedResult Memory(ModelKind model, int seed, double megabytes) => SeedResults.Of("mnist", model, seed, 0.9, residentMegabytes: megabytes);

        var claim = Evaluate("memory",
            [
                Memory(ModelKind.Hybrid, 1, 500), Memory(ModelKind.Hybrid, 2, 510),
                Memory(ModelKind.Classical, 1, 600), Memory(ModelKind.Classical, 2, 605),
            ]);

        Assert.Equal(ClaimVerdict.Holds, claim.Verdict);
        Assert.Contains("lies below 0", claim.Reason);
        Assert.Contains("VmHWM", claim.Reason);
        Assert.Contains("psutil", claim.PaperFigure);
    }

    [Fact]
    public void TheQuantumLayerClaimComparesWithTheTwinAndRobustnessStatesTheAttack()
    {
        SeedResult[] results =
        [
            .. Models(ModelKind.Hybrid, 0.95, 0.96, 0.97),
            .. Models(ModelKind.Twin, 0.951, 0.958, 0.972),
            .. Models(ModelKind.Classical, 0.90, 0.90, 0.90),
        ];

        var claims = ClaimsEvaluator.Evaluate(results);
        var quantum = claims.Single(c => c.Id == "quantum-layer");
        var robustness = claims.Single(c => c.Id == "robustness-mnist-paper");

        Assert.Equal(ClaimVerdict.DoesNotHold, quantum.Verdict);
        Assert.Contains("not significant", quantum.Reason);
        Assert.StartsWith("MNIST hybrid − twin test acc:", quantum.Ours.Single().ToString());
        Assert.Equal(ClaimVerdict.NotTestedHere, robustness.Verdict);
        Assert.Equal("hybrid 45.27 %, classical 10.8 % (PGD ε = 0.1 as its code ran it: the paper attack)", robustness.PaperFigure);
        Assert.Equal(ClaimVerdict.NotTestedHere, claims.Single(c => c.Id == "robustness-cifar100").Verdict);
    }

    [Fact]
    public void RobustnessUnderThePaperAttackUsesItsOwnMeasurements()
    {
        SeedResult Attacked(ModelKind model, int seed, double accuracy) => SeedResults.Of("mnist", model, seed, 0.99, paperAttack: accuracy);

        var claim = Evaluate("robustness-mnist-paper",
            [
                Attacked(ModelKind.Hybrid, 1, 0.45), Attacked(ModelKind.Hybrid, 2, 0.46),
                Attacked(ModelKind.Classical, 1, 0.11), Attacked(ModelKind.Classical, 2, 0.10),
            ]);

        Assert.Equal(ClaimVerdict.Holds, claim.Verdict);
        Assert.Equal("The hybrid is more robust than the classical CNN on MNIST under paper PGD ε=0.1.", claim.Statement);
        // Differences 0.34 and 0.36: half-width tan(0.475π)·0.01 = 0.127.
        Assert.Equal("hybrid − classical: +35.00 points [+22.29, +47.71], n = 2", claim.Ours[^1].ToString());
    }

    [Fact]
    public void TheAdvantageGrowsWhenTheComplexDatasetsIntervalLiesAboveMnists()
    {
        SeedResult[] results =
        [
            .. Models(ModelKind.Hybrid, 0.99, 0.991, 0.989), .. Models(ModelKind.Classical, 0.98, 0.98, 0.98),
            .. SeedResults.Seeds("cifar100", ModelKind.Hybrid, 0.44, 0.45, 0.46),
            .. SeedResults.Seeds("cifar100", ModelKind.Classical, 0.33, 0.33, 0.35),
        ];

        var claim = Evaluate("advantage-vs-complexity", results);

        Assert.Equal(ClaimVerdict.Holds, claim.Verdict);
        Assert.StartsWith("CIFAR-100: its advantage's 95 % CI", claim.Reason);
        Assert.Contains("lies above MNIST's [0.75, 1.25]", claim.Reason);
        Assert.Equal(ClaimVerdict.NotTestedHere, Evaluate("advantage-vs-complexity", results.Where(r => r.Dataset == "mnist").ToList()).Verdict);
    }

    [Fact]
    public void TheTableRendersEveryClaimWithItsVerdict()
    {
        var claims = ClaimsEvaluator.Evaluate([.. Models(ModelKind.Hybrid, 0.99, 0.991, 0.989), .. Models(ModelKind.Classical, 0.97, 0.97, 0.97)]);

        var markdown = ClaimsTable.Markdown(claims);
        var html = ClaimsTable.Html(claims);

        Assert.Equal(claims.Count + 2, markdown.Split('\n').Length);
        Assert.Contains("| The hybrid is more accurate than the classical CNN on MNIST. | test 99.49 % vs 98.56 % (+0.93 points) |", markdown);
        Assert.Contains("**holds**", markdown);
        Assert.Contains("**not tested here**", markdown);
        Assert.Equal(claims.Count, html.Split("<tr><td>").Length - 1);
    }

    private static IEnumerable<SeedResult> Models(ModelKind model, params double[] tests) => SeedResults.Seeds("mnist", model, tests);

    private static Claim Evaluate(string id, IReadOnlyList<SeedResult> results) => ClaimsEvaluator.Evaluate(results).Single(c => c.Id == id);
}
