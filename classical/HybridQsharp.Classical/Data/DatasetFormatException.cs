namespace HybridQsharp.Classical.Data;

/// <summary>A dataset file is missing, corrupt, truncated or inconsistent; the message names the file and the problem.</summary>
public sealed class DatasetFormatException(string message) : Exception(message);
