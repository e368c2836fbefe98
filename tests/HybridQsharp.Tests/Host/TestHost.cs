using HybridQsharp.Host.Hosting;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HybridQsharp.Tests.Host;

/// <summary>
/// The hybridq generic host with its real services (configuration overrides as --set would give
/// them), for tests that call services in-process instead of starting the executable.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly IHost _host;

    public TestHost(IEnumerable<KeyValuePair<string, string?>>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        _host = HostFactory.Build(overrides ?? [], configure);
    }

    public IServiceProvider Services => _host.Services;

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _host.Services.GetRequiredService<QsharpRuntime>().DisposeAsync();
        _host.Dispose();
    }
}
