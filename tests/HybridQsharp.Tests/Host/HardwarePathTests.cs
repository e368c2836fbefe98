using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Inference;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using HybridQsharp.Tests.Quantum;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridQsharp.Tests.Host;

/// <summary>
/// A hybrid checkpoint's inference samples as QIR and as shots: the QIR the Q# compiler emits,
/// read back and simulated natively, gives the checkpoint's exact ⟨Z_i⟩; shot estimates lie
/// within 4 standard errors of them.
/// </summary>
[Collection(QsharpCollection.Name)]
public sealed class HardwarePathTests(QsharpRuntimeFixture fixture) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-hardware-").FullName;
    private readonly TestHost _host = new([new("Experiment:Limit", "64")]);

    static HardwarePathTests() => TorchNativeLibrary.EnsureLoaded();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task QirOfASampleReliftsToTheCheckpointsExactExpectations()
    {
        using var trained = await Checkpoint();
        var samples = _host.Get<TrainedRunLoader>().TestSamples(trained, 3, CancellationToken.None);
        var exact = HybridInference.Exact(trained, samples);

        var written = await new QirExport(fixture.Runtime, NullLogger<QirExport>.Instance)
            .WriteAsync(trained, samples, Path.Combine(_folder, "qir"), CancellationToken.None);

        Assert.Equal(3, written.Count);
        var simulator = new StateVectorSimulator();
        for (var s = 0; s < written.Count; s++)
        {
            var text = await File.ReadAllTextAsync(written[s].TextPath);
            Assert.Matches("__quantum__qis__(mz|mresetz|m)__body", text);
            if (QirExport.FindOnPath("llvm-as") is not null)
            {
                Assert.True(new FileInfo(written[s].BitcodePath!).Length > 0, "llvm-as produced no bitcode");
            }

            var tape = ConstantTape(QirGateReader.Read(text), trained.HybridExecution.Circuit.Qubits);
            var z = simulator.Expectations(tape, tape.EvaluateAngles([], 1), 1);
            Assert.Equal(exact.Expectations[s], z, (a, b) => Math.Abs(a - b) < 1e-9);
        }
    }

    [Fact]
    public async Task TenThousandShotsLieWithinFourStandardErrorsOfExact()
    {
        using var trained = await Checkpoint();
        var samples = _host.Get<TrainedRunLoader>().TestSamples(trained, 5, CancellationToken.None);
        var exact = HybridInference.Exact(trained, samples);

        var sampled = await new HybridInference(fixture.Runtime).ShotsAsync(trained, samples, 10_000, null, CancellationToken.None);

        for (var s = 0; s < samples.Count; s++)
        {
            for (var q = 0; q < exact.Expectations[s].Length; q++)
            {
                var bound = (4 * sampled.StandardErrors![s][q]) + 1e-3;
                Assert.True(Math.Abs(sampled.Expectations[s][q] - exact.Expectations[s][q]) < bound,
                    $"sample {s}, qubit {q}: {sampled.Expectations[s][q]:F4} vs exact {exact.Expectations[s][q]:F4} (SE " +
                    $"{sampled.StandardErrors[s][q]:F4})");
            }
        }
    }

    // A run folder with a (randomly initialised) hybrid checkpoint: what matters is that every
    // path computes the same circuit for the same bound parameters.
    private async Task<TrainedRun> Checkpoint()
    {
        var run = await RandomHybridRun.WriteAsync(Path.Combine(_folder, "run"), fixture.Lifter);
        return await _host.Get<TrainedRunLoader>().LoadAsync(run, ModelKind.Hybrid, CancellationToken.None);
    }

    internal static CircuitTape ConstantTape(IReadOnlyList<QirGate> gates, int qubits)
    {
        var angles = new List<AffineAngle>();
        var tapeGates = gates.Select(g =>
        {
            var index = -1;
            if (g.Kind.IsRotation())
            {
                index = angles.Count;
                angles.Add(new AffineAngle(g.Angle, [], []));
            }

            return new TapeGate(g.Kind, g.Qubits[0], g.Qubits.Length > 1 ? g.Qubits[1] : -1, g.Qubits.Length > 2 ? g.Qubits[2] : -1, index);
        }).ToList();
        return new CircuitTape(qubits, 0, tapeGates, angles);
    }
}
