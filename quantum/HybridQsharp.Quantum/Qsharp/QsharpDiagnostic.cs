namespace HybridQsharp.Quantum.Qsharp;

/// <summary>A compiler or simulator diagnostic, 1-based line and column as editors show them.</summary>
public sealed record QsharpDiagnostic(
    string File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Severity,
    string Code,
    string Message)
{
    /// <summary>Whether the diagnostic stops compilation (warnings and hints do not).</summary>
    public bool IsError => Severity.Equals("error", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{File}:{Line}:{Column}: {Severity} {Code}: {Message}";
}
