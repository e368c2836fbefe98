namespace HybridQsharp.Host.Sweeps;

/// <summary>A sweep cannot go on: the message is one line saying why and what to do.</summary>
public class SweepException(string message) : Exception(message);

/// <summary>What the user asked of a sweep cannot be done as asked (e.g. a --parallel that does not fit in memory): bad input.</summary>
public sealed class SweepRefusedException(string message) : SweepException(message);
