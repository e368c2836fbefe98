using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Quantum.Circuits;

/// <summary>A classifier's shape function is missing, fails, or declares something impossible; the message names the operation.</summary>
public sealed class ClassifierShapeException : QsharpException
{
    public ClassifierShapeException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
