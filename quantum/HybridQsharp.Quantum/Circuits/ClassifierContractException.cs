using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Quantum.Circuits;

/// <summary>A Q# operation used as a classifier does not have the classifier signature (e.g. it measures and returns a Result).</summary>
public sealed class ClassifierContractException : QsharpException
{
    public ClassifierContractException(string message)
        : base(message)
    {
    }
}
