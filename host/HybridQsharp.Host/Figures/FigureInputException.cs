namespace HybridQsharp.Host.Figures;

/// <summary>Figure input that cannot be drawn (inconsistent lengths, out-of-range values, unreadable circuit data).</summary>
public sealed class FigureInputException(string message, Exception? inner = null) : Exception(message, inner);
