namespace HybridQsharp.Tests.Host.Experiments;

/// <summary>A configuration that cannot fit the memory budget is refused in one line before the memory is spent.</summary>
public sealed class MemoryBudgetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-memory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ARegisterTooLargeForTheBudgetIsRefusedInOneLine()
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments:
            ["train", "--model", "hybrid", "--encoding", "angle", "--qubits", "18", "--memory-budget", "300", "--limit", "64", "--epochs", "1",
                "--out", "run"]);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n'), l => l.StartsWith("hybridq: ", StringComparison.Ordinal));
        Assert.Contains("18 qubits", line);
        Assert.Contains("more than the memory budget of 300 MB", line);
        Assert.DoesNotContain("   at ", outcome.StandardError);
        Assert.False(File.Exists(Path.Combine(_folder, "run", "checkpoints", "hybrid", "last.ckpt")));
    }

    [Fact]
    public async Task ABudgetBelowTheFloorIsABadValue()
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["train", "--memory-budget", "100", "--out", "run"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("memory budget (MB) must be at least 256, got 100", outcome.StandardError);
    }
}
