using System.Text.Json;
using HybridQsharp.Host.Reports;
using HybridQsharp.Host.Runs;

namespace HybridQsharp.Tests.Host;

/// <summary>
/// What a run folder guarantees (docs/reliability.md): one writer at a time, --resume continues
/// only the run the folder holds, merges only of one configuration, readable non-ASCII paths, and
/// the failure that ended a run kept in its run.log.
/// </summary>
public sealed class RunFolderReliabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-runfolder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ASecondWriterIsRefusedNamingTheHolder()
    {
        var run = new RunFolder(Path.Combine(_folder, "run"));
        using (RunLock.Acquire(run))
        {
            var outcome = await HybridqProcess.RunAsync(_folder,
                arguments: ["train", "--model", "classical", "--limit", "64", "--epochs", "1", "--out", run.Path]);

            Assert.Equal(1, outcome.ExitCode);
            AssertOneLine(outcome.StandardError, $"is in use by another hybridq (pid {Environment.ProcessId} on {Environment.MachineName}");
            Assert.False(File.Exists(run.Config), "the refused writer must not touch the folder");
        }
    }

    [Fact]
    public void ALockLeftByADeadProcessDoesNotBlock()
    {
        var run = new RunFolder(Path.Combine(_folder, "stale"));
        Directory.CreateDirectory(run.Path);
        File.WriteAllText(run.Lock, string.Empty);
        File.WriteAllText(run.Lock + ".info", "pid 999999 on elsewhere since 2026-01-01T00:00:00Z (hybridq)\n");

        using var taken = RunLock.Acquire(run);

        Assert.Contains($"pid {Environment.ProcessId}", File.ReadAllText(taken.InfoPath));
        Assert.Throws<RunFolderInUseException>(() => RunLock.Acquire(run));
    }

    [Fact]
    public async Task ResumeWithOtherSettingsIsRefusedAndLeavesConfigJsonAlone()
    {
        var run = new RunFolder(Path.Combine(_folder, "resume"));
        RunFolder.WriteJson(run.Config, new { settings = new { dataset = "mnist", model = "hybrid", seed = 42, epochs = 3 } });
        var before = await File.ReadAllTextAsync(run.Config);

        var outcome =
            await HybridqProcess.RunAsync(_folder, arguments: ["train", "--out", run.Path, "--resume", "--model", "classical", "--epochs", "3"]);

        Assert.Equal(1, outcome.ExitCode);
        AssertOneLine(outcome.StandardError, "was started with other settings (model was hybrid, now classical)");
        Assert.Equal(before, await File.ReadAllTextAsync(run.Config));
    }

    [Fact]
    public async Task ResumeWithoutARunIsRefused()
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["train", "--out", Path.Combine(_folder, "empty"), "--resume"]);

        Assert.Equal(1, outcome.ExitCode);
        AssertOneLine(outcome.StandardError, "holds no run to resume");
    }

    [Fact]
    public void RunsOfDifferentConfigurationsAreNotMerged()
    {
        var a = Path.Combine(_folder, "a");
        var b = Path.Combine(_folder, "b");
        var c = Path.Combine(_folder, "c");
        RunFolder.WriteJson(new RunFolder(a).Config, new { settings = new { dataset = "mnist", seed = 1, epochs = 15, output = a } });
        RunFolder.WriteJson(new RunFolder(b).Config, new { settings = new { dataset = "mnist", seed = 2, epochs = 15, output = b } });
        RunFolder.WriteJson(new RunFolder(c).Config, new { settings = new { dataset = "mnist", seed = 3, epochs = 50, output = c } });

        RunMerge.CheckComparable([a, b]);
        var error = Assert.Throws<InvalidDataException>(() => RunMerge.CheckComparable([a, b, c]));

        Assert.Contains("differ in epochs (15 vs 50)", error.Message);
    }

    [Fact]
    public void NonAsciiPathsStayReadableInRunFiles()
    {
        var path = Path.Combine(_folder, "résumé-ü");
        var run = new RunFolder(path);

        RunFolder.WriteJson(run.Config, new { settings = new { output = path } });

        var text = File.ReadAllText(run.Config);
        Assert.Contains("résumé-ü", text);
        Assert.DoesNotContain("\\u00E9", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(path, JsonDocument.Parse(text).RootElement.GetProperty("settings").GetProperty("output").GetString());
    }

    [Fact]
    public void NonFiniteNumbersAreWrittenRatherThanFailingTheWrite()
    {
        var run = new RunFolder(Path.Combine(_folder, "nan"));

        RunFolder.WriteJson(run.MetricsJson, new { loss = double.NaN, best = double.NegativeInfinity });

        Assert.Contains("\"NaN\"", File.ReadAllText(run.MetricsJson));
    }

    [Fact]
    public async Task TheFailureThatEndsARunIsKeptInItsLog()
    {
        var source = Path.Combine(_folder, "Broken.qs");
        await File.WriteAllTextAsync(source,
            "namespace Broken { operation Classifier(features : Double[], weights : Double[], qs : Qubit[]) : Unit { Rx(1, qs[0]); } }");
        var run = new RunFolder(Path.Combine(_folder, "failed"));

        var outcome = await HybridqProcess.RunAsync(_folder, arguments:
            ["train", "--model", "hybrid", "--qsharp", source, "--operation", "Broken.Classifier", "--encoding", "angle", "--out", run.Path]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.DoesNotContain("   at ", outcome.StandardError);
        var log = await File.ReadAllTextAsync(run.Log);
        Assert.Contains("fail ExperimentRunner: the run failed", log);
        Assert.Contains("Broken.qs", log);
        Assert.False(File.Exists(run.Lock), "the lock is released when the run ends");
    }

    [Theory]
    [InlineData("Experiment:Qubits = 'four' is not a whole number", null, "--set", "Experiment:Qubits=four")]
    [InlineData("Experiment:Seed = '-1e999' is not a whole number", "-1e999", "--seed", "")]
    public async Task AWronglyTypedConfigurationValueIsOneLineAndExitCodeTwo(string expected, string? seedVariable, string flag, string value)
    {
        var environment = seedVariable is null ? null : new Dictionary<string, string> { ["HYBRIDQ__Experiment__Seed"] = seedVariable };
        string[] arguments = value.Length == 0 ? ["models"] : ["models", flag, value];

        var outcome = await HybridqProcess.RunAsync(_folder, environment, arguments: arguments);

        Assert.Equal(2, outcome.ExitCode);
        AssertOneLine(outcome.StandardError, expected);
    }

    private static void AssertOneLine(string standardError, string expected)
    {
        var lines =
            standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("hybridq: ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected one hybridq line on stderr, got:\n{standardError}");
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("   at ", standardError);
    }
}
