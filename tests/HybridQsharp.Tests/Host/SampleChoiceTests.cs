using System.Text.Json;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using HybridQsharp.Tests.Quantum;

namespace HybridQsharp.Tests.Host;

/// <summary>
/// `circuit --run`, `infer`, `qir` and `azure submit` all send a trained hybrid's "test sample 0"
/// somewhere: they must mean the same image with the same bound angles (they once took it from
/// different splits).
/// </summary>
[Collection(QsharpCollection.Name)]
public sealed class SampleChoiceTests(QsharpRuntimeFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-samples-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task CircuitInferQirAndAzurePickTheSameSampleZero()
    {
        var run = (await RandomHybridRun.WriteAsync(Path.Combine(_folder, "run"), fixture.Lifter)).Path;

        await Succeeds("circuit", "--run", run, "--out", Path.Combine(run, "circuit"));
        await Succeeds("infer", "--run", run, "--samples", "1", "--backend", "native");
        await Succeeds("qir", "--run", run, "--samples", "1", "--out", Path.Combine(run, "qir-verb"));
        await Succeeds("azure", "submit", "--run", run, "--samples", "1", "--dry-run");

        using var circuit = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run, "circuit", "circuit-arguments.json")));
        using var inference = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run, "inference.json")));
        var drawn = circuit.RootElement;
        var inferred = inference.RootElement.GetProperty("samples")[0];
        Assert.Equal(0, drawn.GetProperty("testSample").GetInt32());
        Assert.Equal(drawn.GetProperty("label").GetInt32(), inferred.GetProperty("label").GetInt32());
        var features = Doubles(drawn.GetProperty("features"));
        var weights = Doubles(drawn.GetProperty("weights"));
        Assert.Equal(features, Doubles(inferred.GetProperty("features")));
        Assert.Equal(weights, Doubles(inferred.GetProperty("weights")));

        // qir and azure compile the same program for sample 0 ...
        var qirText = await File.ReadAllTextAsync(Path.Combine(run, "qir-verb", "sample-0000.ll"));
        Assert.Equal(qirText, await File.ReadAllTextAsync(Path.Combine(run, "qir", "sample-0000.ll")));
        var job = Directory.GetFiles(Path.Combine(run, "azure-bundle"), "job.json", SearchOption.AllDirectories).Single();
        Assert.Contains("\"sample\": 0", await File.ReadAllTextAsync(job));

        // ... and that program computes the circuit the diagram was drawn for.
        var circuitDefinition = BuiltInClassifiers.Paper();
        var tape = await fixture.Lifter.LiftAsync(circuitDefinition);
        var simulator = new StateVectorSimulator();
        var expected = simulator.Expectations(tape, tape.EvaluateAngles([.. features, .. weights], 1), 1);
        var fromQir = HardwarePathTests.ConstantTape(QirGateReader.Read(qirText), tape.Qubits);
        var actual = simulator.Expectations(fromQir, fromQir.EvaluateAngles([], 1), 1);
        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    private async Task Succeeds(params string[] arguments)
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments: arguments);
        Assert.True(outcome.ExitCode == 0, $"hybridq {string.Join(' ', arguments)} exited {outcome.ExitCode}: {outcome.StandardError}");
    }

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
