using System.Text.Json;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Reports;
using HybridQsharp.Host.Runs;

namespace HybridQsharp.Tests.Host.Experiments;

/// <summary>
/// The attack is a typed choice parsed once: sound by default, paper on request, each with ε, α and steps; the best
/// model meets sound, paper and clamp-only on the test split; metrics files name each measurement's semantics and
/// files written before the semantics were stated still read.
/// </summary>
public sealed class AttackSettingsTests
{
    [Fact]
    public async Task SoundIsTheDefaultAndCarriesTheDatasetsNormalisation()
    {
        await using var host = new TestHost();
        var settings = host.Get<ExperimentSettings>();

        Assert.Equal(AttackSemantics.Sound, settings.Attack);
        var attack = settings.TrainingAttack;
        Assert.Equal((0.1, 0.01, 10), (attack.Epsilon, attack.StepSize, attack.Steps));
        Assert.Equal([0.1307f], attack.Normalization!.Mean);
        Assert.Equal([AttackSemantics.Sound, AttackSemantics.Paper, AttackSemantics.ClampOnly], settings.TestAttacks.Select(a => a.Semantics));
        Assert.All(settings.TestAttacks, a => Assert.Same(settings.Dataset.Normalization, a.Normalization));
    }

    [Fact]
    public async Task ThePaperAttackAndItsNumbersAreParsed()
    {
        await using var host = new TestHost(
            [new("Experiment:Attack", "Paper"), new("Experiment:AttackEpsilon", "0.3"), new("Experiment:AttackSteps", "40")]);
        var settings = host.Get<ExperimentSettings>();

        Assert.Equal(AttackSemantics.Paper, settings.TrainingAttack.Semantics);
        Assert.Equal((0.3, 40), (settings.TrainingAttack.Epsilon, settings.TrainingAttack.Steps));
        Assert.All(settings.TestAttacks.Where(a => a.Semantics != AttackSemantics.ClampOnly), a => Assert.Equal(0.3, a.Epsilon));
    }

    [Fact]
    public async Task BadAttackValuesAreOneLineEach()
    {
        await using var host = new TestHost();
        var parser = host.Get<ExperimentSettingsParser>();
        var problems = new List<string>();

        var settings = parser.TryParse(new ExperimentOptions { Attack = "clamp-only", AttackEpsilon = -1, AttackSteps = 0 }, problems);

        Assert.Null(settings);
        Assert.Equal(
            [
                "unknown attack 'clamp-only'; expected one of: sound, paper, normalised-unclamped",
                "attack epsilon must lie in (0, 10], got -1",
                "attack steps must be at least 1, got 0",
            ],
            problems);
    }

    [Fact]
    public void MetricsNameEachMeasurementsSemanticsAndOldFilesStillRead()
    {
        var outcome = new ModelOutcome(ModelKind.Hybrid, 10, [], 1, 0.9, null,
            [
                new AttackMeasurement(AttackSemantics.Sound, 0.1, 0.01, 10, true, 256, 0.4),
                AttackMeasurement.Of(new PgdAttack { Semantics = AttackSemantics.ClampOnly }, 256, 0.7),
            ],
            true);

        var json = JsonSerializer.Serialize(outcome, RunFolder.Json);
        var read = JsonSerializer.Deserialize<ModelOutcome>(json, RunFolder.Json)!;
        var legacy = JsonSerializer.Deserialize<ModelOutcome>(
            """
            {"model": "classical", "parameters": 5, "history": [], "bestEpoch": 1, "bestValidationAccuracy": 0.9, "test": null,
             "testRobustness": 0.78, "completed": true}
            """,
            RunFolder.Json)!;

        Assert.Contains("\"semantics\": \"clamp-only\"", json);
        Assert.DoesNotContain("testRobustness", json);
        Assert.Equal([AttackSemantics.Sound, AttackSemantics.ClampOnly], read.Attacks.Select(a => a.Semantics));
        Assert.Equal((0.0, 0), (read.Attacks[1].Epsilon, read.Attacks[1].Steps));
        var former = Assert.Single(legacy.Attacks);
        Assert.Equal((AttackSemantics.NormalisedUnclamped, 0.78), (former.Semantics, former.Accuracy));
        Assert.Null(legacy.Attack(AttackSemantics.Sound));
    }

    [Fact]
    public void TheRunTableHeadsEachAttackColumnWithItsSemanticsAndEpsilon()
    {
        var outcome = new ModelOutcome(ModelKind.Hybrid, 142_530, [], 1, 0.99, null,
            [
                new AttackMeasurement(AttackSemantics.Sound, 0.1, 0.01, 10, true, 256, 0.40),
                new AttackMeasurement(AttackSemantics.Paper, 0.1, 0.01, 10, true, 256, 0.61),
            ],
            true);
        var plan = new ExperimentPlan(Preset.Quick, 1, 64, null, null, null, 1, 256);
        var summary = new ExperimentSummary("mnist", plan, new Dictionary<string, string>(), [outcome]);

        var table = ReportDocument.ResultsTable(summary);

        Assert.Contains("| test acc, sound PGD ε=0.1 | test acc, paper PGD ε=0.1 | PGD acc (paper's figure, its attack) |", table);
        Assert.Contains("| 40.00 % | 61.00 % | 45.27 % |", table);
    }
}
