using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Quantum.Tapes;

/// <summary>A Q# circuit cannot be expressed as a parametric tape; the message names the gate and parameter.</summary>
public sealed class TapeLiftingException : QsharpException
{
    public TapeLiftingException(string message)
        : base(message)
    {
    }
}
