namespace HybridQsharp.Classical.Training;

/// <summary>A checkpoint is missing, unreadable, or does not fit the model.</summary>
public sealed class CheckpointException(string message) : Exception(message);
