using System.Diagnostics;

namespace HybridQsharp.Tests.Host;

/// <summary>Runs the real hybridq executable (built next to the tests) as a separate process.</summary>
public static class HybridqProcess
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError);

    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "hybridq.exe" : "hybridq");

    public static async Task<Outcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(cancellation.Token);
        return new Outcome(process.ExitCode, await output, await error);
    }
}
