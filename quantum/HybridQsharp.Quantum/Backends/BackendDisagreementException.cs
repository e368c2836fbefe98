namespace HybridQsharp.Quantum.Backends;

/// <summary>Two backends computed different ⟨Z_i⟩ for the same circuits.</summary>
public sealed class BackendDisagreementException(string message) : Exception(message);
