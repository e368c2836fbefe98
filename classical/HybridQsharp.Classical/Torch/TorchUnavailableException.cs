namespace HybridQsharp.Classical.Torch;

/// <summary>TorchSharp's native libraries are missing or cannot be loaded on this machine.</summary>
public sealed class TorchUnavailableException(string message) : Exception(message);
