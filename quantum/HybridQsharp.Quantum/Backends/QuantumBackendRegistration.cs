namespace HybridQsharp.Quantum.Backends;

/// <summary>
/// A backend known to the service container: the key it is chosen by (configuration
/// "Experiment:Backend", --backend), a description for help and messages, and its capabilities.
/// The backend itself is a keyed <see cref="IQuantumBackend"/> service under the same key.
/// </summary>
public sealed record QuantumBackendRegistration(string Key, string Description, BackendCapabilities Capabilities);
