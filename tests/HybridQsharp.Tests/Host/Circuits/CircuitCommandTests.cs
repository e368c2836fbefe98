using System.Text.Json;

namespace HybridQsharp.Tests.Host.Circuits;

/// <summary>
/// The circuit verbs through the real executable, on a user circuit the test writes: --json objects, the refusal, bare `circuit` still drawing.
/// </summary>
public sealed class CircuitCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-workbench-").FullName;

    public CircuitCommandTests()
    {
        File.WriteAllText(Path.Combine(_folder, "Bench.qs"), WorkbenchCircuits.Shared().Text);
        File.WriteAllText(Path.Combine(_folder, "Bent.qs"), WorkbenchCircuits.Bent.Text);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task CheckPrintsTheReportAsOneJsonObject()
    {
        var outcome = await RunAsync("check", "--qsharp", "Bench.qs", "--operation", WorkbenchCircuits.SharedOperation, "--encoding", "angle",
            "--qubits", "2", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        using var report = JsonDocument.Parse(outcome.StandardOutput);
        var root = report.RootElement;
        Assert.Equal("Bench.Classifier", root.GetProperty("operation").GetString());
        Assert.Equal(10, root.GetProperty("gates").GetProperty("total").GetInt32());
        Assert.Equal(8, root.GetProperty("gates").GetProperty("depth").GetInt32());
        Assert.Equal(3, root.GetProperty("parametricGates").GetProperty("sharedParameters").GetInt32());
        Assert.Equal(3, root.GetProperty("gradients").GetProperty("pairs").GetArrayLength());
        Assert.InRange(root.GetProperty("gradients").GetProperty("worst").GetDouble(), 0, 1e-8);
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.DoesNotContain("hybridq:", outcome.StandardError);
    }

    [Fact]
    public async Task ARefusedCircuitExitsWithOneAndNamesGateAndParameter()
    {
        var outcome =
            await RunAsync("check", "--qsharp", "Bent.qs", "--operation", WorkbenchCircuits.BentOperation, "--encoding", "angle", "--qubits", "2");

        Assert.Equal(1, outcome.ExitCode);
        var errors = outcome.StandardError.Split('\n').Where(l => l.StartsWith("hybridq:", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains("the angle of gate #3 (rx on qubit 1", error);
        Assert.Contains("weights[1]", error);
        Assert.Contains("refused     Cannot lift Bent.Classifier", outcome.StandardOutput);
        Assert.DoesNotContain("   at ", outcome.StandardError);
    }

    [Fact]
    public async Task DrawWithEstimateTakesTheUserCircuitAndBareCircuitStillDraws()
    {
        var drawn = Path.Combine(_folder, "drawn");
        var bare = Path.Combine(_folder, "bare");

        var outcome = await RunAsync(
            "draw", "--qsharp", "Bench.qs", "--operation", WorkbenchCircuits.SharedOperation, "--encoding", "angle", "--qubits", "2", "--estimate",
            "--json",
            "--out", drawn);
        var compatible =
            await HybridqProcess.RunAsync(_folder, arguments: ["circuit", "--encoding", "angle", "--qubits", "2", "--layers", "1", "--out", bare]);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        using var drawing = JsonDocument.Parse(outcome.StandardOutput);
        var root = drawing.RootElement;
        Assert.Equal(10, root.GetProperty("gates").GetProperty("total").GetInt32());
        foreach (var file in new[] { "png", "svg", "text", "arguments", "estimate" })
        {
            Assert.True(File.Exists(root.GetProperty("files").GetProperty(file).GetString()), file);
        }

        // Seven rotations in the circuit (the controlled Rz is two); six hardware profiles.
        var profiles = root.GetProperty("estimate").EnumerateArray().ToList();
        Assert.Equal(6, profiles.Count);
        Assert.All(profiles, p => Assert.Equal(7, p.GetProperty("rotationCount").GetInt32()));

        Assert.True(compatible.ExitCode == 0, compatible.StandardError);
        Assert.StartsWith("HybridQsharp.Classifiers.AngleClassifier: 2 qubits", compatible.StandardOutput);
        Assert.True(File.Exists(Path.Combine(bare, "circuit.png")));
    }

    [Fact]
    public async Task EstimateAloneDoesNotDraw()
    {
        var outcome = await RunAsync("estimate", "--qsharp", "Bench.qs", "--operation", WorkbenchCircuits.SharedOperation, "--encoding", "angle",
            "--qubits", "2", "--json");

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        using var estimate = JsonDocument.Parse(outcome.StandardOutput);
        Assert.Equal("Bench.Classifier", estimate.RootElement.GetProperty("operation").GetString());
        Assert.Equal(6, estimate.RootElement.GetProperty("profiles").GetArrayLength());
        Assert.False(Directory.Exists(Path.Combine(_folder, "circuit")));
    }

    private Task<HybridqProcess.Outcome> RunAsync(params string[] arguments) =>
        HybridqProcess.RunAsync(_folder, arguments: ["circuit", .. arguments]);
}
