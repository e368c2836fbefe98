using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Figures;
using HybridQsharp.Host.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Host.Hosting;

/// <summary>The host's own services: experiment settings (parsed and validated at start), data, circuits, runs, figures and reports.</summary>
public static class HostServiceCollectionExtensions
{
    public static IServiceCollection AddHybridQsharpHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExperimentOptions>()
            .Bind(configuration.GetSection(ExperimentOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<ExperimentSettingsParser>();
        services.AddSingleton<IValidateOptions<ExperimentOptions>, ExperimentOptionsValidator>();
        services.AddSingleton(
            sp => sp.GetRequiredService<ExperimentSettingsParser>().Parse(sp.GetRequiredService<IOptions<ExperimentOptions>>().Value));
        services.AddSingleton<QuantumCircuitPreparation>();
        services.AddSingleton<ExperimentDataLoader>();
        services.AddSingleton<TrainedRunLoader>();
        services.AddOptions<FigureOptions>()
            .Bind(configuration.GetSection(FigureOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new FigureWriter(sp.GetRequiredService<IOptions<FigureOptions>>().Value));
        services.AddSingleton<RunFigures>();
        services.AddSingleton<RunReporter>();
        services.AddSingleton<SweepReporter>();
        services.AddSingleton<ExperimentRunner>();
        return services;
    }
}
