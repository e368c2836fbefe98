using HybridQsharp.Classical.Models;

namespace HybridQsharp.Classical.Training;

/// <summary>Where a model's training is, reported after every batch.</summary>
public sealed record TrainingProgress(ModelKind Model, int Epoch, int Epochs, int Batch, int Batches, double SamplesPerSecond, double Loss,
    double Accuracy, TimeSpan EpochElapsed)
{
    /// <summary>Remaining time of this epoch at the current rate.</summary>
    public TimeSpan EpochRemaining => Batch == 0 ? TimeSpan.Zero : EpochElapsed * ((double)(Batches - Batch) / Batch);
}
