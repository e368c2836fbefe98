using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training;
using HybridQsharp.Host.Figures;
using HybridQsharp.Host.Hosting;
using HybridQsharp.Host.Numerics;
using HybridQsharp.Host.Runs;
using HybridQsharp.Host.Sweeps;
using HybridQsharp.Host.Sweeps.Slurm;
using HybridQsharp.Quantum.Azure;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Memory;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Host.Cli;

/// <summary>
/// Runs a verb inside a freshly built host and turns failures into one clear line on stderr
/// and an exit code: the user sees what went wrong, not a stack trace.
/// </summary>
public static class VerbRunner
{
    public static Task<int> RunAsync(IReadOnlyList<string> settings, Func<IServiceProvider, CancellationToken, Task<int>> verb,
        CancellationToken cancellationToken) =>
        RunAsync(settings, [], verb, cancellationToken);

    /// <param name="settings">--set Key=Value strings.</param>
    /// <param name="overrides">Configuration values from the verb's own flags; --set wins over them.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> settings, IEnumerable<KeyValuePair<string, string?>> overrides,
        Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken cancellationToken)
    {
        try
        {
            using var host = HostFactory.Build([.. overrides, .. ParseSettings(settings)]);
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
        catch (SweepGridException e)
        {
            foreach (var problem in e.Problems)
            {
                Console.Error.WriteLine($"hybridq: {problem}");
            }

            return ExitCodes.BadInput;
        }
        catch (SweepRefusedException e)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (CommandLineError e)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"hybridq: invalid configuration: {string.Join("; ", e.Failures.Select(Readable))}");
            return ExitCodes.BadInput;
        }
        catch (InvalidOperationException e) when (ConfigurationValueError(e) is { } problem)
        {
            Console.Error.WriteLine($"hybridq: invalid configuration: {problem}");
            return ExitCodes.BadInput;
        }
        catch (InvalidDataException e) when (
            e.Message.Contains("appsettings", StringComparison.OrdinalIgnoreCase) || e.InnerException is System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"hybridq: invalid configuration file: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (RunFolderInUseException e)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (QsharpException e)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is CheckpointException or TrainingDivergedException or MemoryBudgetExceededException or TorchUnavailableException
                                       or BackendDisagreementException or TapeLiftingException or DatasetFormatException or FigureInputException
                                       or NumericsInputException or AzureQuantumException or SweepException or SlurmException)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"hybridq: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("HYBRIDQ_DEBUG") is null)
        {
            // A bug, not bad input: one line for the user, the trace on request.
            Console.Error.WriteLine($"hybridq: internal error ({e.GetType().Name}): {e.Message} (set HYBRIDQ_DEBUG=1 for the stack trace)");
            return ExitCodes.Failure;
        }
    }

    // The configuration binder throws "Failed to convert configuration value 'x' at 'Section:Key' to
    // type 'System.Int32'." for a value of the wrong type (appsettings.json, HYBRIDQ__ variables, --set).
    private static string? ConfigurationValueError(InvalidOperationException e)
    {
        var match = System.Text.RegularExpressions.Regex.Match(e.Message,
            @"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'");
        if (!match.Success)
        {
            return null;
        }

        var type = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" => "a number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 00:30:00",
            var other => $"a {other[(other.LastIndexOf('.') + 1)..]}",
        };
        return $"{match.Groups["key"].Value} = '{match.Groups["value"].Value}' is not {type}";
    }

    // DataAnnotations wraps each message in "DataAnnotation validation failed for 'T' members: 'x' with the error: '...'".
    private static string Readable(string failure)
    {
        const string marker = "with the error: '";
        var at = failure.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? failure : failure[(at + marker.Length)..].TrimEnd('.').TrimEnd('\'');
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
