namespace HybridQsharp.Host.Cli;

/// <summary>A problem with what the user asked for: printed as one line, exit code 2.</summary>
public sealed class CommandLineError(string message) : Exception(message);
