namespace HybridQsharp.Quantum.Qsharp;

/// <summary>
/// The Node process hosting the Q# toolchain could not be started, or died. The message says
/// what to install or what happened; the next request starts a fresh process.
/// </summary>
public sealed class QsharpRuntimeUnavailableException : QsharpException
{
    public QsharpRuntimeUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
