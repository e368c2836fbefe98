using System.Text.Json;

namespace HybridQsharp.Tests.Host.Benchmarks;

/// <summary>`bench training --json` on a few real MNIST batches: the keys the peer comparison reads, and their arithmetic.</summary>
public sealed class TrainingBenchmarkCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-bench-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ItTimesHybridTwinAndClassicalAndReportsTheirRatios()
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments:
            ["bench", "training", "--json", "--batches", "4", "--warm-up", "1", "--rounds", "2"]);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        using var json = JsonDocument.Parse(outcome.StandardOutput);
        var root = json.RootElement;
        var models = root.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);
        Assert.Equal(["hybrid", "twin", "classical"], models.Keys);
        Assert.Equal(1, root.GetProperty("warm_up_batches").GetInt32());
        Assert.Equal("parameter-shift", root.GetProperty("gradient").GetString());

        double Median(string model) => models[model].GetProperty("batch_ms_median").GetDouble();
        foreach (var (name, model) in models)
        {
            Assert.Equal(4, model.GetProperty("batches_measured").GetInt32());
            Assert.Equal(2, model.GetProperty("round_medians_ms").GetArrayLength());
            Assert.InRange(model.GetProperty("batch_ms_min").GetDouble(), 0.1, Median(name));
            // 750 batches of 64 make the 48,000-image epoch.
            Assert.Equal(Median(name) * 750 / 1000, model.GetProperty("epoch_s").GetDouble(), 9);
        }

        Assert.Equal(models["twin"].GetProperty("epoch_s").GetDouble(), root.GetProperty("twin_epoch_s").GetDouble(), 12);
        Assert.Equal(Median("hybrid") / Median("twin"), root.GetProperty("hybrid_twin_ratio").GetDouble(), 9);
        Assert.Equal(Median("hybrid") / Median("classical"), root.GetProperty("hybrid_classical_ratio").GetDouble(), 9);
        var rounds = (Hybrid: models["hybrid"].GetProperty("round_medians_ms"), Twin: models["twin"].GetProperty("round_medians_ms"));
        var pairedRatios = new[]
        {
            rounds.Hybrid[0].GetDouble() / rounds.Twin[0].GetDouble(),
            rounds.Hybrid[1].GetDouble() / rounds.Twin[1].GetDouble(),
        };
        Assert.Equal(pairedRatios.Average(), root.GetProperty("hybrid_twin_ratio_paired").GetDouble(), 9);

        // Only the hybrid has a quantum layer, and its time is split into the three parts of the quantum path.
        var hybrid = models["hybrid"];
        Assert.True(hybrid.GetProperty("quantum_ms_median").GetDouble() > 0);
        Assert.True(hybrid.GetProperty("circuit_forward_ms_median").GetDouble() > 0);
        Assert.Equal(0, models["twin"].GetProperty("quantum_ms_median").GetDouble());
        Assert.Equal(0, models["classical"].GetProperty("quantum_ms_median").GetDouble());
        Assert.True(root.GetProperty("quantum_layer_alone_ms").GetDouble() > 0);
        Assert.StartsWith("mmap threshold 32 MiB", root.GetProperty("threading").GetProperty("malloc").GetString());

        // The host project turns tiering off; only the environment may turn it back on.
        var tiering = root.GetProperty("threading").GetProperty("tiered_compilation").GetString()!;
        Assert.True(tiering.Equals("runtimeconfig false", StringComparison.OrdinalIgnoreCase)
            || tiering.StartsWith("DOTNET_TieredCompilation=", StringComparison.Ordinal), tiering);
    }
}
