using HybridQsharp.Quantum.Backends;

namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// A gradient method known to the service container: the key it is chosen by (--gradient) and
/// what it needs from a backend. The method itself is a keyed <see cref="IGradientMethod"/>
/// singleton (methods hold no state; each call is given the backend).
/// </summary>
public sealed record GradientMethodRegistration(string Key, string Description, BackendCapabilities RequiredCapabilities)
{
    /// <summary>Whether this method can differentiate on a backend with <paramref name="capabilities"/>.</summary>
    public bool Supports(BackendCapabilities capabilities) => (capabilities & RequiredCapabilities) == RequiredCapabilities;
}
