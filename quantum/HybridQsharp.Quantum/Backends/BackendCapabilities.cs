namespace HybridQsharp.Quantum.Backends;

/// <summary>What a backend offers beyond expectation values, so gradient methods can say what they need.</summary>
[Flags]
public enum BackendCapabilities
{
    /// <summary>Expectation values only (what hardware gives).</summary>
    None = 0,

    /// <summary>Access to the simulated state vector, which adjoint differentiation needs.</summary>
    StateVector = 1,
}
