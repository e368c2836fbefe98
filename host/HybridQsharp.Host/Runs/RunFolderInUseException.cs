namespace HybridQsharp.Host.Runs;

/// <summary>A second writer tried to train into a run folder another live process is writing.</summary>
public sealed class RunFolderInUseException(string message) : Exception(message);
