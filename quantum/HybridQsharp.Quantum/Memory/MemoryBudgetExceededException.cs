namespace HybridQsharp.Quantum.Memory;

/// <summary>A configuration needs more memory than the run's budget; the message says how much, for what, and what would fit.</summary>
public sealed class MemoryBudgetExceededException(string message) : Exception(message);
