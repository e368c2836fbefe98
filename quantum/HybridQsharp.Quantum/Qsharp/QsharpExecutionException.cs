namespace HybridQsharp.Quantum.Qsharp;

/// <summary>A Q# program compiled but failed while it ran (e.g. a failed <c>Fact</c>).</summary>
public sealed class QsharpExecutionException : QsharpException
{
    public QsharpExecutionException(string message, IReadOnlyList<QsharpDiagnostic> diagnostics)
        : base(diagnostics.Count == 0 ? message : message + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d)))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<QsharpDiagnostic> Diagnostics { get; }
}
