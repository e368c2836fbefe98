using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>Registers <see cref="SlurmOptions"/> (section <c>Slurm</c>, validated at start) and <see cref="SlurmClient"/>.</summary>
public static class SlurmServiceCollectionExtensions
{
    public static IServiceCollection AddSlurm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlurmOptions>()
            .Bind(configuration.GetSection(SlurmOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new SlurmClient(sp.GetRequiredService<IOptions<SlurmOptions>>().Value));
        return services;
    }
}
