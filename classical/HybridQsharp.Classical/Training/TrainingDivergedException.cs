using HybridQsharp.Classical.Models;

namespace HybridQsharp.Classical.Training;

/// <summary>
/// A model's loss became NaN or infinite: training stopped before the bad step or epoch was
/// saved, so the model's last checkpoint still holds the last good epoch.
/// </summary>
public sealed class TrainingDivergedException(ModelKind model, int epoch, string message) : Exception(message)
{
    public ModelKind Model { get; } = model;

    /// <summary>The 1-based epoch in which the loss stopped being finite.</summary>
    public int Epoch { get; } = epoch;
}
