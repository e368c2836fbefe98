namespace HybridQsharp.Quantum.Memory;

/// <summary>Where the circuits run, as far as memory is concerned.</summary>
public enum BackendKind
{
    /// <summary>The in-process state-vector simulator.</summary>
    Native,

    /// <summary>The Q# simulator in Node, fed by JSON requests.</summary>
    Qsharp,
}
