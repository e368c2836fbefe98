namespace HybridQsharp.Quantum.Qsharp;

/// <summary>The value one shot of a Q# entry expression returned, and the messages it printed.</summary>
public sealed record QsharpShot(string Result, IReadOnlyList<string> Messages);
