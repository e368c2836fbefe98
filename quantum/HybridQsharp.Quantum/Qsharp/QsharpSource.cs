namespace HybridQsharp.Quantum.Qsharp;

/// <summary>One Q# source file: the name diagnostics refer to, and its text.</summary>
public sealed record QsharpSource(string Name, string Text);
