namespace HybridQsharp.Quantum.Qsharp;

/// <summary>The Q# compiler rejected the program; <see cref="Diagnostics"/> say where and why.</summary>
public sealed class QsharpCompilationException : QsharpException
{
    public QsharpCompilationException(IReadOnlyList<QsharpDiagnostic> diagnostics)
        : base(MessageOf(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<QsharpDiagnostic> Diagnostics { get; }

    private static string MessageOf(IReadOnlyList<QsharpDiagnostic> diagnostics) =>
        "Q# compilation failed:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));
}
