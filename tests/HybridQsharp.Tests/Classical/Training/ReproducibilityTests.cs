using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical.Training;

/// <summary>The same seed and settings give the same metrics to the last bit.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class ReproducibilityTests : IDisposable
{
    private static readonly PaperArchitecture Tiny = PaperArchitecture.Mnist with { ImageSize = 8 };
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-reproducible-").FullName;

    static ReproducibilityTests() => TorchNativeLibrary.EnsureLoaded();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TwoHybridRunsWithTheSameSeedHaveBitEqualMetrics()
    {
        var options = new TrainingOptions { Epochs = 2, BatchSize = 16, RobustnessEvery = 2, RobustnessSamples = 32, Seed = 9 };

        var first = Run("first", options, simulatorWorkers: 2);
        var second = Run("second", options, simulatorWorkers: 1);

        Assert.Equal(2, first.History.Count);
        foreach (var (a, b) in first.History.Zip(second.History))
        {
            Assert.Equal(Outcomes(a), Outcomes(b));
        }

        Assert.Equal(first.Test!.Loss, second.Test!.Loss);
        Assert.Equal(first.TestRobustness, second.TestRobustness);
    }

    [Fact]
    public void DeterministicRunsAgreeWhateverTorchsThreadCount()
    {
        // Without the switch, one intra-op thread instead of two changes the losses in the 6th digit.
        var options = new TrainingOptions { Epochs = 2, BatchSize = 16, RobustnessEvery = 0, Seed = 4, Deterministic = true };
        var ambient = get_num_threads();

        var first = Run("two-threads", options, simulatorWorkers: 2);
        set_num_threads(Math.Max(1, ambient - 1) == ambient ? ambient + 1 : Math.Max(1, ambient - 1));
        TrainingResult second;
        try
        {
            second = Run("other-threads", options, simulatorWorkers: 2);
        }
        finally
        {
            set_num_threads(ambient);
        }

        foreach (var (a, b) in first.History.Zip(second.History))
        {
            Assert.Equal(Outcomes(a), Outcomes(b));
        }

        Assert.Equal(ambient, get_num_threads());
    }

    private TrainingResult Run(string name, TrainingOptions options, int simulatorWorkers)
    {
        random.manual_seed(options.Seed);
        var execution = AngleClassifier(new StateVectorSimulator(simulatorWorkers));
        using var model = PaperModels.Hybrid(Tiny, new QuantumLayer(execution, Encoding.Angle, new Generator((ulong)options.Seed)));
        var train = new SyntheticImages(320, 10, 8, seed: 2, shuffle: true);
        var validation = new SyntheticImages(48, 10, 8, seed: 3, shuffle: false);
        return new Trainer(options, NullLogger<Trainer>.Instance)
            .Train(model, train, validation, validation, Path.Combine(_folder, name), resume: false, "reproducible", null, CancellationToken.None);
    }

    // Everything but wall times and memory, which no seed fixes.
    private static double?[] Outcomes(EpochMetrics m) =>
        [m.TrainLoss, m.TrainAccuracy, m.ValidationLoss, m.ValidationAccuracy, m.Precision, m.Recall, m.F1, m.Robustness, m.LearningRate];

    // The 2-qubit angle classifier with one BasicEntangler layer, written as its tape: RY(f_i), RX(w_i), CX(0, 1).
    private static QuantumCircuitExecution AngleClassifier(StateVectorSimulator simulator)
    {
        var circuit = BuiltInClassifiers.Create(Encoding.Angle, Ansatz.BasicEntangler, 2, 1);
        var tape = new CircuitTape(2, 4,
            [
                new TapeGate(GateKind.Ry, 0, AngleIndex: 0), new TapeGate(GateKind.Ry, 1, AngleIndex: 1),
                new TapeGate(GateKind.Rx, 0, AngleIndex: 2), new TapeGate(GateKind.Rx, 1, AngleIndex: 3),
                new TapeGate(GateKind.CX, 0, 1),
            ],
            [new AffineAngle(0, [0], [1]), new AffineAngle(0, [1], [1]), new AffineAngle(0, [2], [1]), new AffineAngle(0, [3], [1])]);
        var backend = new NativeBackend(simulator);
        return new QuantumCircuitExecution(circuit, tape, backend, new ParameterShift(backend));
    }
}
