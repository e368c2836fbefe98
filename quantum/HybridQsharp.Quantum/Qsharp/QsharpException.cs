namespace HybridQsharp.Quantum.Qsharp;

/// <summary>Base of every failure that comes from Q# code or from the Q# toolchain.</summary>
public abstract class QsharpException : Exception
{
    protected QsharpException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
