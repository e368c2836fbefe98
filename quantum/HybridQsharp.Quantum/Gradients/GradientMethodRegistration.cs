using HybridQsharp.Quantum.Backends;

namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// A gradient method known to the service container: the key it is chosen by (--gradient), what it
/// needs from a backend, and how it is made for the backend it differentiates on.
/// </summary>
public sealed record GradientMethodRegistration(
    string Key, string Description, BackendCapabilities RequiredCapabilities, Func<IServiceProvider, IQuantumBackend, IGradientMethod> Create)
{
    /// <summary>Whether this method can differentiate on a backend with <paramref name="capabilities"/>.</summary>
    public bool Supports(BackendCapabilities capabilities) => (capabilities & RequiredCapabilities) == RequiredCapabilities;
}
