using HybridQsharp.Classical.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HybridQsharp.Classical.Hosting;

/// <summary>The classical library's services, registered the generic-host way.</summary>
public static class ClassicalServiceCollectionExtensions
{
    /// <summary>The built-in datasets and the catalog that finds them (and any added with <see cref="AddDataset"/>) by key.</summary>
    public static IServiceCollection AddHybridQsharpClassical(this IServiceCollection services)
    {
        foreach (var dataset in DatasetCatalog.BuiltIn)
        {
            services.AddDataset(dataset);
        }

        services.TryAddSingleton(sp => new DatasetCatalog(sp.GetServices<DatasetDefinition>()));
        return services;
    }

    /// <summary>Makes <paramref name="dataset"/> choosable by its key (--dataset, Experiment:Dataset).</summary>
    public static IServiceCollection AddDataset(this IServiceCollection services, DatasetDefinition dataset)
    {
        services.AddSingleton(dataset);
        return services;
    }
}
