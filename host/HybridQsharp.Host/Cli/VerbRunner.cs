using HybridQsharp.Host.Hosting;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Host.Cli;

/// <summary>
/// Runs a verb inside a freshly built host and turns failures into one clear line on stderr
/// and an exit code: the user sees what went wrong, not a stack trace.
/// </summary>
public static class VerbRunner
{
    public static async Task<int> RunAsync(IReadOnlyList<string> settings, Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken cancellationToken)
    {
        try
        {
            using var host = HostFactory.Build(ParseSettings(settings));
            await host.StartAsync(cancellationToken);
            try
            {
                return await verb(host.Services, cancellationToken);
            }
            finally
            {
                await host.Services.GetRequiredService<QsharpRuntime>().DisposeAsync();
                await host.StopAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("hybridq: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (CommandLineError e)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"hybridq: invalid configuration: {string.Join("; ", e.Failures)}");
            return ExitCodes.BadInput;
        }
        catch (QsharpException e)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static List<KeyValuePair<string, string?>> ParseSettings(IReadOnlyList<string> settings)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CommandLineError($"--set expects Key=Value (e.g. Qsharp:NodePath=/usr/bin/node), got '{setting}'.");
            }

            pairs.Add(new(setting[..equals], setting[(equals + 1)..]));
        }

        return pairs;
    }
}
