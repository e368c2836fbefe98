using HybridQsharp.Quantum.Azure;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Quantum.Hosting;

/// <summary>The quantum library's services, registered the generic-host way.</summary>
public static class QuantumServiceCollectionExtensions
{
    /// <summary>
    /// The Q# runtime (options from section "Qsharp", validated at start), the tape lifter, the
    /// native simulator, the built-in backends ("native", "qsharp") and gradient methods
    /// ("parameter-shift", "adjoint"; "auto" picks by register size), and Azure Quantum's options (section "AzureQuantum").
    /// </summary>
    public static IServiceCollection AddHybridQsharpQuantum(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QsharpRuntimeOptions>()
            .Bind(configuration.GetSection(QsharpRuntimeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<QsharpRuntime>();
        services.AddSingleton<TapeLifter>();
        services.AddSingleton(_ => new StateVectorSimulator());

        services.AddQuantumBackend("native", "the in-process exact state-vector simulator (fast; checked against Q#)",
            BackendCapabilities.StateVector, sp => new NativeBackend(sp.GetRequiredService<StateVectorSimulator>()));
        services.AddQuantumBackend("qsharp", "every circuit on the Q# simulator (slow, faithful)",
            BackendCapabilities.None, sp => new QsharpBackend(sp.GetRequiredService<QsharpRuntime>()));

        services.AddGradientMethod(new GradientMethodRegistration("parameter-shift",
            "the two-term parameter-shift rule: circuit evaluations only, so any backend, hardware included",
            BackendCapabilities.None), _ => ParameterShift.Instance);
        services.AddGradientMethod(new GradientMethodRegistration("adjoint",
            "adjoint differentiation: one forward and one backward sweep over the state vector",
            BackendCapabilities.StateVector), _ => AdjointDifferentiation.Instance);

        // Workspace fields are checked when a verb needs them, so a dry run works without a workspace.
        services.AddOptions<AzureQuantumOptions>().Bind(configuration.GetSection(AzureQuantumOptions.Section));
        return services;
    }

    /// <summary>Registers a backend under <paramref name="key"/>: a keyed <see cref="IQuantumBackend"/> and its registration record.</summary>
    public static IServiceCollection AddQuantumBackend(this IServiceCollection services, string key, string description,
        BackendCapabilities capabilities, Func<IServiceProvider, IQuantumBackend> create)
    {
        services.AddKeyedSingleton(key, (sp, _) => create(sp));
        services.AddSingleton(new QuantumBackendRegistration(key, description, capabilities));
        return services;
    }

    /// <summary>Registers a gradient method under its key: a keyed <see cref="IGradientMethod"/> and its registration record.</summary>
    public static IServiceCollection AddGradientMethod(this IServiceCollection services, GradientMethodRegistration registration,
        Func<IServiceProvider, IGradientMethod> create)
    {
        services.AddKeyedSingleton(registration.Key, (sp, _) => create(sp));
        services.AddSingleton(registration);
        return services;
    }
}
