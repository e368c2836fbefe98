namespace HybridQsharp.Tests.Host;

/// <summary>Bad input through the real executable: one line naming the problem, a non-zero exit code, no stack trace.</summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("unknown dataset 'imagenet'", "train", "--dataset", "imagenet")]
    [InlineData("epochs must be at least 1, got -2", "train", "--epochs", "-2")]
    [InlineData("data directory '/nonexistent/mnist' does not exist", "train", "--data-dir", "/nonexistent/mnist")]
    [InlineData("unknown encoding 'basis'", "models", "--encoding", "basis")]
    public async Task BadOptionsGiveOneLineAndExitCodeTwo(string expected, params string[] arguments)
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments: arguments);

        Assert.Equal(2, outcome.ExitCode);
        AssertOneLine(outcome.StandardError, expected);
    }

    [Fact]
    public async Task AnUnreadableCheckpointIsNamed()
    {
        var run = Path.Combine(_folder, "run");
        Directory.CreateDirectory(Path.Combine(run, "checkpoints", "classical"));
        await File.WriteAllTextAsync(Path.Combine(run, "config.json"), """{"settings": {"dataset": "mnist"}}""");
        var checkpoint = Path.Combine(run, "checkpoints", "classical", "best.ckpt");
        await File.WriteAllTextAsync(checkpoint, "this is not a checkpoint");

        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["evaluate", "--run", run, "--model", "classical"]);

        Assert.Equal(1, outcome.ExitCode);
        AssertOneLine(outcome.StandardError, checkpoint);
        Assert.Equal("this is not a checkpoint", await File.ReadAllTextAsync(checkpoint));
    }

    [Fact]
    public async Task ASetWithoutEqualsIsRefused()
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["models", "--set", "Qsharp:NodePath"]);
        Assert.Equal(2, outcome.ExitCode);
        AssertOneLine(outcome.StandardError, "--set expects Key=Value");
    }

    [Theory]
    [InlineData("train")]
    [InlineData("models")]
    [InlineData("infer")]
    [InlineData("qir")]
    [InlineData("circuit")]
    [InlineData("circuit check")]
    [InlineData("circuit draw")]
    [InlineData("circuit estimate")]
    [InlineData("circuit new")]
    [InlineData("report")]
    [InlineData("evaluate")]
    [InlineData("data preview")]
    [InlineData("azure submit")]
    public async Task EveryVerbHasHelpWithExamples(string verb)
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments: [.. verb.Split(' '), "--help"]);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Examples:", outcome.StandardOutput);
    }

    private static void AssertOneLine(string standardError, string expected)
    {
        var lines = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{standardError}");
        Assert.StartsWith("hybridq: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("   at ", standardError);
    }
}
