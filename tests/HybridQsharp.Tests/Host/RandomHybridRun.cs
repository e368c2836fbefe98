using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Simulation;
using TorchSharp;

namespace HybridQsharp.Tests.Host;

/// <summary>
/// A run folder as `train --model hybrid` leaves it, but with a randomly initialised (untrained)
/// paper hybrid: enough for every verb that loads a trained run, without minutes of training.
/// </summary>
public static class RandomHybridRun
{
    public static async Task<RunFolder> WriteAsync(string path, TapeLifter lifter)
    {
        TorchNativeLibrary.EnsureLoaded();
        var run = new RunFolder(path);
        RunFolder.WriteJson(run.Config, new { settings = new ExperimentOptions { Limit = 64, Model = "hybrid" } });
        var circuit = BuiltInClassifiers.Paper();
        var tape = await lifter.LiftAsync(circuit);
        var native = new NativeBackend(new StateVectorSimulator());
        torch.random.manual_seed(3);
        using var generator = new torch.Generator(3);
        using var model = PaperModels.Hybrid(new MnistDataset().Architecture,
            new QuantumLayer(new QuantumCircuitExecution(circuit, tape, native, ParameterShift.Instance), Encoding.Amplitude, generator));
        var state = new CheckpointState
        {
            Model = ModelKind.Hybrid, CompletedEpochs = 0, Steps = 0, BestValidationAccuracy = 0, BestEpoch = 0, History = [], Configuration = "test",
        };
        TrainingCheckpoint.Capture(model, null, state, includeRandomState: false).Save(run.BestCheckpoint(ModelKind.Hybrid));
        return run;
    }
}
