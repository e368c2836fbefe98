using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridQsharp.Quantum.Qsharp;

/// <summary>
/// Owns the Node process that hosts the Q# toolchain (quantum/runtime/server.mjs) and carries
/// its JSON-lines protocol: starts it on first use and checks its ready line, exchanges one
/// request at a time, keeps the tail of its stderr for error messages, replaces it after it dies
/// and stops it when a request is abandoned (cancelled or timed out) or on dispose.
/// </summary>
public sealed class QsharpNodeProcess : IAsyncDisposable
{
    private const int StderrTail = 16_384;

    private readonly QsharpRuntimeOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private long _nextId;
    private bool _disposed;

    public QsharpNodeProcess(QsharpRuntimeOptions options, ILogger? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The qsharp-lang version the running process announced in its ready line.</summary>
    public string? QsharpVersion { get; private set; }

    /// <summary>The Node process id while one runs (for diagnostics and tests), else null.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>
    /// Sends <c>{"id", "method", "params"}</c> and returns the answer's envelope
    /// (<c>{"id", "result"}</c> or <c>{"id", "error"}</c>), starting the process if needed.
    /// </summary>
    /// <exception cref="QsharpRuntimeUnavailableException">The process could not start, died, timed out or broke the protocol.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the process was stopped (it may have been mid-computation).</exception>
    public async Task<JsonObject> ExchangeAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var process = await EnsureStartedAsync(cancellationToken);
            var id = Interlocked.Increment(ref _nextId);
            var request = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            string? line;
            try
            {
                await process.StandardInput.WriteLineAsync(request.ToJsonString().AsMemory(), timeout.Token);
                await process.StandardInput.FlushAsync(timeout.Token);
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // The process is mid-computation and reads no input until it ends: kill it, a fresh one is cheaper than resynchronising.
                await StopAsync(kill: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new QsharpRuntimeUnavailableException(
                    $"The Q# runtime did not answer '{method}' within {_options.RequestTimeout}; " +
                    $"it was stopped and the next request starts a fresh one.");
            }
            catch (IOException e)
            {
                throw await DiedAsync(method, e);
            }

            if (line is null)
            {
                throw await DiedAsync(method, null);
            }

            var response = TryParseObject(line);
            if (response is null || !response.TryGetPropertyValue("id", out var answered) || answered?.GetValueKind() != JsonValueKind.Number
                || answered.GetValue<long>() != id)
            {
                await StopAsync();
                throw new QsharpRuntimeUnavailableException(
                    $"The Q# runtime answered '{method}' out of protocol ({Excerpt(line)}); it was stopped and the next request starts a fresh one.");
            }

            return response;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts the process now if none runs.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureStartedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _gate.WaitAsync();
        try
        {
            await StopAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task<Process> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false } running)
        {
            return running;
        }

        if (_process is not null)
        {
            await StopAsync();
        }

        var directory = _options.ResolveRuntimeDirectory();
        var server = Path.Combine(directory, "runtime", "server.mjs");
        if (!File.Exists(server))
        {
            throw new QsharpRuntimeUnavailableException(
                $"The Q# runtime script is missing: {server}. Set Qsharp:RuntimeDirectory to HybridQsharp's quantum/ folder.");
        }

        if (!File.Exists(Path.Combine(directory, "node_modules", "qsharp-lang", "package.json")))
        {
            throw new QsharpRuntimeUnavailableException(
                $"The npm package qsharp-lang is not installed in {directory}: run 'npm ci' there (or 'dotnet build', which does it).");
        }

        var start = new ProcessStartInfo(_options.NodePath)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(server);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new QsharpRuntimeUnavailableException($"Could not start '{_options.NodePath}'.");
        }
        catch (Win32Exception e)
        {
            throw new QsharpRuntimeUnavailableException(
                $"Node.js was not found ('{_options.NodePath}'): install Node.js 20 or newer (Debian/Ubuntu: apt-get install nodejs npm) " +
                $"or set Qsharp:NodePath.", e);
        }

        lock (_stderr)
        {
            _stderr.Clear();
        }

        process.ErrorDataReceived += (_, e) => KeepStderr(e.Data);
        process.BeginErrorReadLine();
        _process = process;

        QsharpVersion = await ReadReadyLineAsync(process, cancellationToken);
        _logger.LogInformation("Q# runtime started: node pid {Pid}, qsharp-lang {Version}", process.Id, QsharpVersion);
        return process;
    }

    // The runtime's first line is {"id":0,"result":{"ready":true,"qsharpLang":...}}; anything else
    // means Qsharp:NodePath is not Node.js (or the script failed), which gets its own clear line.
    private async Task<string> ReadReadyLineAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.StartTimeout);
        string? ready;
        try
        {
            ready = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await StopAsync();
            cancellationToken.ThrowIfCancellationRequested();
            throw new QsharpRuntimeUnavailableException(
                $"'{_options.NodePath}' (Qsharp:NodePath) did not announce the Q# runtime within {_options.StartTimeout}: " +
                $"is it Node.js 20 or newer?");
        }
        catch (IOException e)
        {
            throw await DiedAsync("start", e);
        }

        if (ready is null)
        {
            await WaitForExitAsync(process);
            var code = process.HasExited ? $" with exit code {process.ExitCode}" : string.Empty;
            var stderr = StderrDetail();
            await StopAsync();
            throw new QsharpRuntimeUnavailableException(
                $"'{_options.NodePath}' (Qsharp:NodePath) exited{code} before the Q# runtime was ready{stderr}; it must be Node.js 20 or newer.");
        }

        var version = TryParseObject(ready)?["result"] is JsonObject result && result["ready"]?.GetValueKind() == JsonValueKind.True
            ? result["qsharpLang"]?.GetValueKind() == JsonValueKind.String ? result["qsharpLang"]!.GetValue<string>() : null
            : null;
        if (version is null)
        {
            await StopAsync();
            throw new QsharpRuntimeUnavailableException(
                $"'{_options.NodePath}' (Qsharp:NodePath) did not start the Q# runtime: its first output was '{Excerpt(ready)}', " +
                $"not the runtime's ready line; it must be Node.js 20 or newer.");
        }

        return version;
    }

    private async Task<QsharpRuntimeUnavailableException> DiedAsync(string method, Exception? inner)
    {
        var process = _process;
        var exit = string.Empty;
        if (process is not null)
        {
            await WaitForExitAsync(process);
            exit = process.HasExited ? $" with exit code {process.ExitCode}" : string.Empty;
        }

        var detail = StderrDetail();
        await StopAsync();
        _logger.LogWarning("Q# runtime exited{Exit} during '{Method}'", exit, method);
        return new QsharpRuntimeUnavailableException(
            $"The Q# runtime (node) exited{exit} while handling '{method}'{detail}. The next request starts a fresh process.", inner);
    }

    private static Task WaitForExitAsync(Process process) =>
        process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);

    private async Task StopAsync(bool kill = false)
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (kill && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            else if (!process.HasExited)
            {
                process.StandardInput.Close();
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (IOException)
        {
            process.Kill(entireProcessTree: true);
        }
        finally
        {
            process.Dispose();
        }
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.AppendLine(line);
            if (_stderr.Length > StderrTail)
            {
                _stderr.Remove(0, _stderr.Length - StderrTail);
            }
        }
    }

    private string StderrDetail()
    {
        string stderr;
        lock (_stderr)
        {
            stderr = _stderr.ToString().Trim();
        }

        return stderr.Length == 0 ? string.Empty : $": {stderr}";
    }

    private static JsonObject? TryParseObject(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(string line) => line.Length <= 120 ? line : line[..120] + "…";
}
