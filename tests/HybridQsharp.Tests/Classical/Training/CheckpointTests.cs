using System.Text;
using System.Text.Json;
using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical.Training;

/// <summary>Checkpoints refuse damaged files by name, and a run whose loss stops being finite keeps its last good one.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class CheckpointTests : IDisposable
{
    private static readonly PaperArchitecture Tiny = new MnistDataset().Architecture with { ImageSize = 8 };
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-checkpoint-").FullName;

    static CheckpointTests() => TorchNativeLibrary.EnsureLoaded();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RandomBytesInsideTheWeightsAreRefusedByTheChecksum()
    {
        var path = Path.Combine(_folder, "best.ckpt");
        using var model = PaperModels.Classical(Tiny);
        TrainingCheckpoint.Capture(model, null, State(1, 0.5), includeRandomState: false).Save(path);
        var bytes = File.ReadAllBytes(path);

        // 50 kB of noise in the middle of the file, where the weights are: the header and block lengths stay valid.
        var noise = new byte[Math.Min(50_000, bytes.Length / 2)];
        new Random(7).NextBytes(noise);
        noise.CopyTo(bytes, bytes.Length / 4);
        File.WriteAllBytes(path, bytes);

        var thrown = Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains(path, thrown.Message);
        Assert.Contains("checksum", thrown.Message);
    }

    [Fact]
    public void ATruncatedCheckpointIsRefusedByName()
    {
        var path = Path.Combine(_folder, "last.ckpt");
        using var model = PaperModels.Classical(Tiny);
        TrainingCheckpoint.Capture(model, null, State(1, 0.5), includeRandomState: false).Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);

        var thrown = Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains(path, thrown.Message);
    }

    [Fact]
    public void AFormatOneCheckpointStillReadsAndRestores()
    {
        using var model = PaperModels.Classical(Tiny);
        var captured = TrainingCheckpoint.Capture(model, null, State(3, 0.75), includeRandomState: false);
        var path = Path.Combine(_folder, "old.ckpt");
        File.WriteAllBytes(path, FormatOne(captured));

        var loaded = TrainingCheckpoint.Load(path);
        using var restored = PaperModels.Classical(Tiny);
        loaded.RestoreModel(restored);

        Assert.Equal(1, loaded.Format);
        Assert.Equal(3, loaded.State.CompletedEpochs);
        foreach (var ((name, a), (_, b)) in model.named_parameters().Zip(restored.named_parameters()))
        {
            Assert.True(a.allclose(b, rtol: 0, atol: 0), $"{name} differs after the round trip");
        }
    }

    [Fact]
    public void NonFiniteMetricsRoundTripThroughTheCheckpointState()
    {
        using var model = PaperModels.Classical(Tiny);
        var metrics = new EpochMetrics(ModelKind.Classical, 1, double.NaN, 0.1, double.PositiveInfinity, double.NaN, 0, 0, double.NaN, null, 1, 0, 1,
            0, 0, 1, 1 << 20, 0.01);
        var state = State(1, double.NegativeInfinity) with { History = [metrics] };
        var path = Path.Combine(_folder, "nan.ckpt");

        TrainingCheckpoint.Capture(model, null, state, includeRandomState: false).Save(path);
        var loaded = TrainingCheckpoint.Load(path).State;

        Assert.Equal(double.NegativeInfinity, loaded.BestValidationAccuracy);
        Assert.True(double.IsNaN(loaded.History[0].TrainLoss));
        Assert.Equal(double.PositiveInfinity, loaded.History[0].ValidationLoss);
    }

    [Fact]
    public void AModelWithNaNWeightsIsNeverSaved()
    {
        using var model = PaperModels.Classical(Tiny);
        using (no_grad())
        {
            model.parameters().First().fill_(double.NaN);
        }

        var thrown = Assert.Throws<CheckpointException>(() => TrainingCheckpoint.Capture(model, null, State(2, 0.5), includeRandomState: false));
        Assert.Contains("NaN", thrown.Message);
    }

    [Fact]
    public void ALossThatBecomesNaNStopsTheRunAndKeepsTheLastGoodCheckpoint()
    {
        var options = new TrainingOptions { Epochs = 4, BatchSize = 32, RobustnessEvery = 0, Seed = 3 };
        var clean = new SyntheticImages(96, 10, 8, seed: 4, shuffle: true);
        var poisoned = new PoisonedFromEpoch(clean, poisonFromEpoch: 2);
        random.manual_seed(options.Seed);
        using var model = PaperModels.Classical(Tiny);
        var trainer = new Trainer(options, NullLogger<Trainer>.Instance);

        var thrown = Assert.Throws<TrainingDivergedException>(() =>
            trainer.Train(model, poisoned, clean, null, _folder, resume: false, "nan", null, CancellationToken.None));

        Assert.Equal(ModelKind.Classical, thrown.Model);
        Assert.Equal(3, thrown.Epoch);
        Assert.Contains("epoch 3", thrown.Message);
        Assert.Contains("NaN", thrown.Message);
        var last = TrainingCheckpoint.Load(Path.Combine(_folder, "last.ckpt"));
        Assert.Equal(2, last.State.CompletedEpochs);
        using var restored = PaperModels.Classical(Tiny);
        last.RestoreModel(restored);
        Assert.Null(TrainingCheckpoint.FirstNonFiniteTensor(restored));
    }

    private static CheckpointState State(int epochs, double best) =>
        new() { Model = ModelKind.Classical, CompletedEpochs = epochs, Steps = epochs * 3, BestValidationAccuracy = best, BestEpoch = epochs,
            History = [], Configuration = "test" };

    // The layout format 1 had: magic, then length-prefixed state, model, optimiser and RNG blocks, no checksum.
    private static byte[] FormatOne(TrainingCheckpoint checkpoint)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("HQCKPT1\n"u8);
            foreach (var block in new[] { JsonSerializer.SerializeToUtf8Bytes(checkpoint.State, CheckpointState.Json), checkpoint.Model, [], [] })
            {
                writer.Write((long)block.Length);
                writer.Write(block);
            }
        }

        return memory.ToArray();
    }

    /// <summary>
    /// The images of <paramref name="inner"/>, with every batch from epoch <paramref name="poisonFromEpoch"/> (0-based) on made NaN.
    /// </summary>
    private sealed class PoisonedFromEpoch(IBatchStream inner, int poisonFromEpoch) : IBatchStream
    {
        public int Count => inner.Count;

        public int ClassCount => inner.ClassCount;

        public IEnumerable<(Tensor Images, Tensor Labels)> Batches(int epoch, int batchSize, CancellationToken cancellationToken = default)
        {
            foreach (var (images, labels) in inner.Batches(epoch, batchSize, cancellationToken))
            {
                if (epoch >= poisonFromEpoch)
                {
                    images.fill_(float.NaN);
                }

                yield return (images, labels);
            }
        }
    }
}
