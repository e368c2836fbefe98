using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using HybridQsharp.Tests.Classical.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical;

/// <summary>A batch split into several backend calls gives what one call gives; cancellation reaches a batch in flight.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class QuantumCircuitExecutionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-execution-").FullName;

    static QuantumCircuitExecutionTests() => TorchNativeLibrary.EnsureLoaded();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ABatchSplitIntoCallsGivesTheSameValuesAndJacobian()
    {
        var random = new Random(5);
        var parameters = Enumerable.Range(0, 11 * 4).Select(_ => (random.NextDouble() * 6) - 3).ToArray();
        var whole = HandWrittenTape.AngleClassifier();
        var split = HandWrittenTape.AngleClassifier();
        whole.MaxCircuitsPerCall = 64;
        split.MaxCircuitsPerCall = 3;

        var a = whole.Jacobian(parameters, 11);
        var b = split.Jacobian(parameters, 11);

        Assert.Equal(a.Values, b.Values);
        Assert.Equal(a.Jacobian, b.Jacobian);
        Assert.Equal(whole.Expectations(parameters, 11), split.Expectations(parameters, 11));
    }

    [Fact]
    public void ACallSizeIsChosenFromTheMemoryBudgetWhenNoneIsSet()
    {
        var execution = HandWrittenTape.AngleClassifier();

        execution.Jacobian(new double[4 * 8], 8);

        Assert.Equal(65_536, execution.MaxCircuitsPerCall);
    }

    [Fact]
    public void CtrlCDuringAQuantumBatchStopsItThereAndTheRunIsResumable()
    {
        using var cancellation = new CancellationTokenSource();
        var backend = new CancellingBackend(new NativeBackend(new StateVectorSimulator()), cancellation, cancelOnCall: 3);
        var execution = HandWrittenTape.AngleClassifier(backend);
        var architecture = new MnistDataset().Architecture with { ImageSize = 8 };
        random.manual_seed(1);
        using var model = PaperModels.Hybrid(architecture, new QuantumLayer(execution, Encoding.Angle, new Generator(1)));
        var data = new SyntheticImages(64, 10, 8, seed: 1, shuffle: true);
        var options = new TrainingOptions { Epochs = 2, BatchSize = 16, RobustnessEvery = 0, Seed = 1 };

        var result = new Trainer(options, NullLogger<Trainer>.Instance)
            .Train(model, data, data, null, _folder, resume: false, "cancel", null, cancellation.Token);

        Assert.False(result.Completed);
        Assert.True(backend.CancelledCallThrew, "the backend call made after Ctrl+C ran to its end");
        Assert.Equal(3, backend.Calls);
    }

    /// <summary>Cancels the run's token as call <paramref name="cancelOnCall"/> starts, then runs it: as if Ctrl+C came mid-batch.</summary>
    private sealed class CancellingBackend(IQuantumBackend inner, CancellationTokenSource cancellation, int cancelOnCall) : IQuantumBackend
    {
        public string Name => inner.Name;

        public int Calls { get; private set; }

        public bool CancelledCallThrew { get; private set; }

        public async ValueTask<double[]> ExpectationsAsync(CircuitTape tape, ReadOnlyMemory<double> angles, int circuits,
            CancellationToken cancellationToken = default)
        {
            if (++Calls != cancelOnCall)
            {
                return await inner.ExpectationsAsync(tape, angles, circuits, cancellationToken);
            }

            await cancellation.CancelAsync();
            try
            {
                return await inner.ExpectationsAsync(tape, angles, circuits, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                CancelledCallThrew = true;
                throw;
            }
        }
    }
}
