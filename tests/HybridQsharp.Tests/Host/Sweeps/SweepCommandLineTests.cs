namespace HybridQsharp.Tests.Host.Sweeps;

/// <summary>
/// Bad sweep input through the real executable: one line per problem, naming the file and key, a non-zero exit code, no stack trace.
/// </summary>
public sealed class SweepCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-sweep-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ABadGridFileIsOneLinePerProblem()
    {
        var grid = Path.Combine(_folder, "grid.yaml");
        await File.WriteAllTextAsync(grid, "models: [hybrid]\nseeds: [1, x]\nepoch: 3\nset:\n  Modle: twin\n");

        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["sweep", "--out", Path.Combine(_folder, "s"), "--grid", grid]);

        Assert.Equal(2, outcome.ExitCode);
        var lines = Lines(outcome.StandardError);
        Assert.Equal(
            [
                "hybridq: grid.yaml: 'seeds' takes whole numbers, got 'x'",
                "hybridq: grid.yaml: unknown key 'epoch'; expected one of: models, datasets, seeds, epochs, qubits, layers, encodings, ansatzes, set",
            ],
            lines);
        Assert.False(Directory.Exists(Path.Combine(_folder, "s")), "a bad grid must not leave a sweep folder");
    }

    [Fact]
    public async Task BadValuesInAValidFileAreNamedOnceEach()
    {
        var grid = Path.Combine(_folder, "grid.json");
        await File.WriteAllTextAsync(grid,
            """{"models": ["hybrid", "classical"], "seeds": [1, 2, 3], "encodings": "basis", "set": {"Modle": "twin", "Attack": "strongest"}}""");

        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["sweep", "--out", Path.Combine(_folder, "s"), "--grid", grid]);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(Lines(outcome.StandardError));
        Assert.StartsWith("hybridq: grid.json: set 'Modle': unknown experiment setting 'Modle'; expected one of:", line);
    }

    [Fact]
    public async Task AParallelThatCannotFitInMemoryIsRefused()
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments:
            ["sweep", "--out", Path.Combine(_folder, "s"), "--models", "classical", "--seeds",
             .. Enumerable.Range(1, 64).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             "--parallel", "64", "--cell-memory", "4096"]);

        Assert.Equal(2, outcome.ExitCode);
        var refusal = Assert.Single(Lines(outcome.StandardError), l => l.StartsWith("hybridq:", StringComparison.Ordinal));
        Assert.StartsWith("hybridq: --parallel 64 needs about 64 × 4096.0 GB for mnist cells, but ", refusal);
        Assert.DoesNotContain("   at ", outcome.StandardError);
    }

    [Fact]
    public async Task StatusOfAFolderThatIsNoSweepSaysSo()
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["sweep", "status", "--sweep", _folder]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"hybridq: {_folder} is not a sweep folder (no sweep.json); start one with: hybridq sweep --out {_folder} ...",
            Assert.Single(Lines(outcome.StandardError)));
    }

    [Fact]
    public async Task AClampOnlyTrainingAttackIsRefused()
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["train", "--attack", "clamp-only"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("unknown attack 'clamp-only'; expected one of: sound, paper, normalised-unclamped",
            Assert.Single(Lines(outcome.StandardError)));
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
