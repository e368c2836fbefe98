using HybridQsharp.Host.Circuits;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;
using HybridQsharp.Tests.Quantum;

namespace HybridQsharp.Tests.Host;

/// <summary>`circuit new`: the scaffolded project compiles on its own, declares its shape, passes its @Test and lifts.</summary>
[Collection(QsharpCollection.Name)]
public sealed class CircuitScaffoldTests(QsharpRuntimeFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-scaffold-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheScaffoldCompilesReadsItsShapePassesItsTestAndLifts()
    {
        var project = Path.Combine(_folder, "my-classifier");
        var source = CircuitScaffold.Write("MyClassifier", project);
        var own = QsharpProgram.FromDirectory(Path.Combine(project, "src"));

        Assert.True(File.Exists(Path.Combine(project, "qsharp.json")));
        Assert.Empty(await fixture.Runtime.CheckAsync(own));
        Assert.Equal("()", Assert.Single(await fixture.Runtime.RunAsync(own, "MyClassifier.ClassifierIsIdentityAtZero()")).Result);

        // As the host compiles it: beside the built-in library.
        var program = QsharpProgram.BuiltIn().With(QsharpProgram.FromFiles([source]).Sources);
        var circuit = await ClassifierCircuit.LoadAsync(fixture.Runtime, program, "MyClassifier.Classifier", 4, 2);
        var tape = await fixture.Lifter.LiftAsync(circuit);

        Assert.Equal((4, 8), (circuit.FeatureCount, circuit.WeightCount));
        Assert.Equal(ParameterRange.SymmetricAngles, circuit.FeatureRange);
        Assert.Equal(PauliString.ZOnEach(4), tape.Observables);
        Assert.Equal(12, tape.ParameterCount);
    }

    [Fact]
    public async Task TheCommandWritesTheProjectAndPrintsHowToTrainIt()
    {
        var project = Path.Combine(_folder, "new");

        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["circuit", "new", "Mine", "--out", project]);

        Assert.Equal(0, outcome.ExitCode);
        var source = Path.Combine(project, "src", "Mine.qs");
        Assert.Contains($"hybridq train --qsharp {source} --operation Mine.Classifier --encoding angle --model hybrid", outcome.StandardOutput);
        Assert.True(File.Exists(Path.Combine(project, "src", "Mine.qs")));
    }

    [Theory]
    [InlineData("3rd", "'3rd' is not a Q# identifier")]
    [InlineData("My.Classifier", "'My.Classifier' is not a Q# identifier")]
    [InlineData("operation", "'operation' is a Q# keyword")]
    public async Task ABadNameIsOneLineAndExitCodeTwo(string name, string expected)
    {
        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["circuit", "new", name, "--out", Path.Combine(_folder, "x")]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"hybridq: {expected}", outcome.StandardError.Trim()[..($"hybridq: {expected}".Length)]);
        Assert.Single(outcome.StandardError.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_folder, "x")));
    }

    [Fact]
    public async Task AnExistingNonEmptyFolderIsRefused()
    {
        var project = Path.Combine(_folder, "taken");
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "notes.txt"), "mine");

        var outcome = await HybridqProcess.RunAsync(_folder, arguments: ["circuit", "new", "Fresh", "--out", project]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"hybridq: '{project}' exists and is not empty; choose a new folder", outcome.StandardError.Trim());
        Assert.Single(Directory.EnumerateFileSystemEntries(project));
    }
}
