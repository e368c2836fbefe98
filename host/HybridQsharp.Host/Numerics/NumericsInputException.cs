namespace HybridQsharp.Host.Numerics;

/// <summary>Input a numerical routine cannot work with (too few points, ragged vectors), or a computation that diverged.</summary>
public sealed class NumericsInputException(string message) : Exception(message);
