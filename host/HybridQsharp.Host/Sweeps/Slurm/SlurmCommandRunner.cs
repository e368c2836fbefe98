using System.ComponentModel;
using System.Diagnostics;

namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>Runs one Slurm command with an argument list (no shell), SLURM_CONF set when configured, and a time limit.</summary>
internal sealed class SlurmCommandRunner(SlurmOptions options)
{
    public async Task<SlurmCommandResult> RunAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = string.IsNullOrEmpty(options.CommandsDirectory) ? command : Path.Combine(options.CommandsDirectory, command);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(options.ConfigFile))
        {
            start.Environment["SLURM_CONF"] = Path.GetFullPath(options.ConfigFile);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SlurmUnavailableException($"{command} could not be started");
        }
        catch (Win32Exception e)
        {
            var where = string.IsNullOrEmpty(options.CommandsDirectory) ? "on PATH" : $"in {options.CommandsDirectory}";
            throw new SlurmUnavailableException(
                $"{command} was not found {where}: install Slurm's client commands or set Slurm:CommandsDirectory", e);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.CommandTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                return new SlurmCommandResult(process.ExitCode, await output, await errors);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new SlurmException($"{command} did not answer within {options.CommandTimeout} (is slurmctld running? SLURM_CONF: "
                    + $"{options.ConfigFile ?? Environment.GetEnvironmentVariable("SLURM_CONF") ?? "Slurm's default"})");
            }
        }
    }
}
