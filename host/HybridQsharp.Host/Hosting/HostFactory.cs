using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Figures;
using HybridQsharp.Host.Reports;
using HybridQsharp.Quantum.Azure;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Simulation;
using HybridQsharp.Quantum.Tapes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Hosting;

/// <summary>
/// Builds the generic host a verb runs in: configuration from appsettings.json, HYBRIDQ__
/// environment variables and <c>--set Key=Value</c> overrides (in that order of precedence,
/// last wins), validated options, logging to stderr so stdout stays clean for --json.
/// </summary>
public static class HostFactory
{
    public const string EnvironmentPrefix = "HYBRIDQ__";

    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> overrides, Action<IServiceCollection>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides);

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddOptions<QsharpRuntimeOptions>()
            .Bind(builder.Configuration.GetSection(QsharpRuntimeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<QsharpRuntime>();
        builder.Services.AddSingleton<TapeLifter>();
        builder.Services.AddSingleton<StateVectorSimulator>(_ => new StateVectorSimulator());
        builder.Services.AddSingleton<NativeBackend>();
        builder.Services.AddSingleton<QsharpBackend>(sp => new QsharpBackend(sp.GetRequiredService<QsharpRuntime>()));
        builder.Services.AddOptions<ExperimentOptions>()
            .Bind(builder.Configuration.GetSection(ExperimentOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Workspace fields are checked when a verb needs them, so --dry-run works without a workspace.
        builder.Services.AddOptions<AzureQuantumOptions>().Bind(builder.Configuration.GetSection(AzureQuantumOptions.Section));
        builder.Services.AddSingleton<QuantumCircuitPreparation>();
        builder.Services.AddSingleton<ExperimentDataLoader>();
        builder.Services.AddOptions<FigureOptions>().Bind(builder.Configuration.GetSection(FigureOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new FigureWriter(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FigureOptions>>().Value));
        builder.Services.AddSingleton<RunFigures>();
        builder.Services.AddSingleton<RunReporter>();
        builder.Services.AddSingleton<ExperimentRunner>();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
