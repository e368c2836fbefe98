using HybridQsharp.Host.Sweeps;
using HybridQsharp.Host.Sweeps.Executors;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Hosting;

/// <summary>Registers the sweep planner, status reader and executors (the Slurm client comes from <c>AddSlurm</c>).</summary>
public static class SweepServiceCollectionExtensions
{
    public static IServiceCollection AddSweeps(this IServiceCollection services)
    {
        services.AddSingleton<SweepPlanner>();
        services.AddSingleton<SweepStatusReader>();
        services.AddSingleton<LocalSweepExecutor>();
        services.AddSingleton<SlurmSweepExecutor>();
        services.AddSingleton<SweepCoordinator>();
        return services;
    }
}
