namespace HybridQsharp.Quantum.Qsharp;

/// <summary>A Q# program could not be assembled from files (missing file or folder).</summary>
public sealed class QsharpProgramException : QsharpException
{
    public QsharpProgramException(string message)
        : base(message)
    {
    }
}
