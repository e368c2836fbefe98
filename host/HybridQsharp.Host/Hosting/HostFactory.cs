using HybridQsharp.Classical.Hosting;
using HybridQsharp.Host.Sweeps.Slurm;
using HybridQsharp.Quantum.Hosting;
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
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
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

        builder.Services.AddHybridQsharpQuantum(builder.Configuration);
        builder.Services.AddHybridQsharpClassical();
        builder.Services.AddHybridQsharpHost(builder.Configuration);
        builder.Services.AddSlurm(builder.Configuration);
        builder.Services.AddSweeps();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
