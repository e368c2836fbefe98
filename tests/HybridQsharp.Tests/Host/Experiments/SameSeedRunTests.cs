using System.Text.Json.Nodes;

namespace HybridQsharp.Tests.Host.Experiments;

/// <summary>
/// The same seed and settings give the same numbers: two separate processes train the hybrid and
/// the classical model with --deterministic and write the same metrics.json, times and resources aside.
/// </summary>
public sealed class SameSeedRunTests : IDisposable
{
    private static readonly string[] MeasuredNotComputed =
        ["epochSeconds", "dataSeconds", "computeSeconds", "quantumSeconds", "evaluationSeconds", "cpuSeconds", "peakWorkingSetBytes"];

    private readonly string _folder = Directory.CreateTempSubdirectory("hq-seed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TwoProcessesWithTheSameSeedWriteTheSameMetrics()
    {
        var first = await TrainAsync("first", seed: 7);
        var second = await TrainAsync("second", seed: 7);
        var otherSeed = await TrainAsync("other", seed: 8);

        Assert.Equal(2, first["models"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(first, second), $"same seed, different metrics:\n{first}\n---\n{second}");
        Assert.False(JsonNode.DeepEquals(first, otherSeed), "a different seed gave the same metrics: the seed is not reaching the run");
    }

    private async Task<JsonNode> TrainAsync(string name, int seed)
    {
        var run = Path.Combine(_folder, name);
        var outcome = await HybridqProcess.RunAsync(_folder, arguments:
        [
            "train", "--model", "both", "--limit", "128", "--epochs", "1", "--seed", $"{seed}", "--deterministic",
            "--robustness-samples", "16", "--report-figures", "metrics", "--out", run,
        ]);
        Assert.True(outcome.ExitCode == 0, outcome.StandardError);

        var metrics = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(run, "metrics.json")))!;
        metrics.AsObject().Remove("environment");
        foreach (var model in metrics["models"]!.AsArray())
        {
            foreach (var epoch in model!["history"]!.AsArray())
            {
                foreach (var key in MeasuredNotComputed)
                {
                    epoch!.AsObject().Remove(key);
                }
            }
        }

        return metrics;
    }
}
