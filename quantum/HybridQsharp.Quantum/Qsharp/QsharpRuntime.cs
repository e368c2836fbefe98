using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Quantum.Qsharp;

/// <summary>
/// Client of the long-lived Node process that hosts Microsoft's Q# compiler and simulator
/// (npm qsharp-lang). The process starts on the first request, serves one request at a time
/// over a JSON-lines protocol on stdio, and is replaced by a fresh one if it dies.
/// </summary>
public sealed class QsharpRuntime : IAsyncDisposable
{
    private readonly QsharpRuntimeOptions _options;
    private readonly ILogger<QsharpRuntime> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private long _nextId;
    private bool _disposed;

    public QsharpRuntime(IOptions<QsharpRuntimeOptions> options, ILogger<QsharpRuntime>? logger = null)
    {
        _options = options.Value;
        _logger = logger ?? NullLogger<QsharpRuntime>.Instance;
    }

    /// <summary>The qsharp-lang version reported by the running process, once started.</summary>
    public string? QsharpVersion { get; private set; }

    /// <summary>The Node process id while one runs (for diagnostics and tests), else null.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Compiles the program and returns every diagnostic (empty when it compiles).</summary>
    public async Task<IReadOnlyList<QsharpDiagnostic>> CheckAsync(QsharpProgram program, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("check", new JsonObject { ["sources"] = SourcesJson(program) }, cancellationToken);
        return ParseDiagnostics(result["diagnostics"]);
    }

    /// <summary>
    /// Runs every circuit once on the exact simulator and returns ⟨Z_i⟩ per circuit, computed
    /// from the state the simulator dumps. Each circuit is the argument list (Double[] each)
    /// passed to <paramref name="operation"/> before its Qubit[] register.
    /// </summary>
    public async Task<ExactRunResult> ExpectationsAsync(
        QsharpProgram program, string operation, int qubits, IReadOnlyList<double[][]> circuits,
        bool includeStates = false, CancellationToken cancellationToken = default)
    {
        var parameters = CircuitRequest(program, operation, qubits, circuits);
        parameters["includeStates"] = includeStates;
        var result = await SendAsync("expectations", parameters, cancellationToken);
        var expectations = result["expectations"]!.Deserialize<double[][]>()!;
        var states = includeStates ? result["states"]!.Deserialize<double[][]>() : null;
        return new ExactRunResult(expectations, states);
    }

    /// <summary>
    /// Prepares and measures every circuit <paramref name="shots"/> times, optionally under
    /// Pauli noise applied by the simulator after each gate; one histogram over the 2ⁿ
    /// big-endian outcomes per circuit.
    /// </summary>
    public async Task<int[][]> SampleAsync(
        QsharpProgram program, string operation, int qubits, IReadOnlyList<double[][]> circuits,
        int shots, PauliNoise? noise = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shots, 1);
        var parameters = CircuitRequest(program, operation, qubits, circuits);
        parameters["shots"] = shots;
        if (noise is { } n)
        {
            parameters["noise"] = new JsonArray(n.X, n.Y, n.Z);
        }

        var result = await SendAsync("sample", parameters, cancellationToken);
        return result["histograms"]!.Deserialize<int[][]>()!;
    }

    /// <summary>Base-profile QIR (LLVM text), one program per circuit, every qubit measured at the end.</summary>
    public async Task<string[]> QirAsync(
        QsharpProgram program, string operation, int qubits, IReadOnlyList<double[][]> circuits, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("qir", CircuitRequest(program, operation, qubits, circuits), cancellationToken);
        return result["qir"]!.Deserialize<string[]>()!;
    }

    /// <summary>The Q# compiler's circuit diagram data for one call of <paramref name="operation"/>.</summary>
    public async Task<JsonNode> CircuitDiagramAsync(
        QsharpProgram program, string operation, int qubits, double[][] arguments, CancellationToken cancellationToken = default)
    {
        var parameters = SingleCallRequest(program, operation, qubits, arguments);
        return await SendAsync("circuit", parameters, cancellationToken);
    }

    /// <summary>The QDK resource estimator's result for one call of <paramref name="operation"/>.</summary>
    public async Task<JsonNode> EstimateAsync(
        QsharpProgram program, string operation, int qubits, double[][] arguments, string estimatorParametersJson = "[{}]",
        CancellationToken cancellationToken = default)
    {
        var parameters = SingleCallRequest(program, operation, qubits, arguments);
        parameters["estimatorParams"] = JsonNode.Parse(estimatorParametersJson);
        return await SendAsync("estimate", parameters, cancellationToken);
    }

    /// <summary>Runs a Q# entry expression (e.g. a <c>@Test()</c> operation) and returns each shot's value.</summary>
    public async Task<IReadOnlyList<QsharpShot>> RunAsync(QsharpProgram program, string entryExpression, int shots = 1, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject { ["sources"] = SourcesJson(program), ["expr"] = entryExpression, ["shots"] = shots };
        var result = await SendAsync("run", parameters, cancellationToken);
        return result.AsArray()
            .Select(s => new QsharpShot(s!["result"]!.ToString(), s["messages"]!.Deserialize<string[]>()!))
            .ToList();
    }

    /// <summary>Starts the process now (it otherwise starts on the first request) and returns the qsharp-lang version.</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("version", new JsonObject(), cancellationToken);
        return result["qsharpLang"]!.GetValue<string>();
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
            await StopProcessAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var process = await EnsureProcessAsync(cancellationToken);
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
                // The process may be mid-computation; a fresh one is cheaper than resynchronising.
                await StopProcessAsync();
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new QsharpRuntimeUnavailableException($"The Q# runtime did not answer '{method}' within {_options.RequestTimeout}; it was stopped and the next request starts a fresh one.");
            }
            catch (IOException e)
            {
                throw await ProcessDiedAsync(method, e);
            }

            if (line is null)
            {
                throw await ProcessDiedAsync(method, null);
            }

            var response = JsonNode.Parse(line)!.AsObject();
            if (response["id"]?.GetValue<long>() != id)
            {
                await StopProcessAsync();
                throw new QsharpRuntimeUnavailableException($"The Q# runtime answered out of order ({line[..Math.Min(200, line.Length)]}); it was restarted.");
            }

            if (response["error"] is JsonObject error)
            {
                throw ToException(method, error);
            }

            return response["result"] ?? new JsonObject();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Process> EnsureProcessAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: false } running)
        {
            return running;
        }

        if (_process is not null)
        {
            await StopProcessAsync();
        }

        var directory = _options.ResolveRuntimeDirectory();
        var server = Path.Combine(directory, "runtime", "server.mjs");
        if (!File.Exists(server))
        {
            throw new QsharpRuntimeUnavailableException($"The Q# runtime script is missing: {server}. Set Qsharp:RuntimeDirectory to HybridQsharp's quantum/ folder.");
        }

        if (!File.Exists(Path.Combine(directory, "node_modules", "qsharp-lang", "package.json")))
        {
            throw new QsharpRuntimeUnavailableException($"The npm package qsharp-lang is not installed in {directory}: run 'npm ci' there (or 'dotnet build', which does it).");
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
            throw new QsharpRuntimeUnavailableException($"Node.js was not found ('{_options.NodePath}'): install Node.js 20 or newer (Debian/Ubuntu: apt-get install nodejs npm) or set Qsharp:NodePath.", e);
        }

        lock (_stderr)
        {
            _stderr.Clear();
        }

        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
                if (_stderr.Length > 16_384)
                {
                    _stderr.Remove(0, _stderr.Length - 16_384);
                }
            }
        };
        process.BeginErrorReadLine();
        _process = process;

        var ready = await process.StandardOutput.ReadLineAsync(cancellationToken);
        if (ready is null)
        {
            throw await ProcessDiedAsync("start", null);
        }

        QsharpVersion = JsonNode.Parse(ready)?["result"]?["qsharpLang"]?.GetValue<string>();
        _logger.LogInformation("Q# runtime started: node pid {Pid}, qsharp-lang {Version}", process.Id, QsharpVersion);
        return process;
    }

    private async Task<QsharpRuntimeUnavailableException> ProcessDiedAsync(string method, Exception? inner)
    {
        var process = _process;
        string exit = "";
        if (process is not null)
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            exit = process.HasExited ? $" with exit code {process.ExitCode}" : "";
        }

        string stderr;
        lock (_stderr)
        {
            stderr = _stderr.ToString().Trim();
        }

        await StopProcessAsync();
        var detail = stderr.Length == 0 ? "" : $": {stderr}";
        _logger.LogWarning("Q# runtime exited{Exit} during '{Method}'", exit, method);
        return new QsharpRuntimeUnavailableException($"The Q# runtime (node) exited{exit} while handling '{method}'{detail}. The next request starts a fresh process.", inner);
    }

    private async Task StopProcessAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
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

    private static QsharpException ToException(string method, JsonObject error)
    {
        var kind = error["kind"]?.GetValue<string>() ?? "internal";
        var message = error["message"]?.GetValue<string>() ?? "unknown error";
        var diagnostics = ParseDiagnostics(error["diagnostics"]);
        return kind switch
        {
            "compile" when diagnostics.Count > 0 => new QsharpCompilationException(diagnostics),
            "runtime" => new QsharpExecutionException($"Q# failed while running ({method}): {message}", diagnostics),
            _ => new QsharpExecutionException($"The Q# runtime rejected '{method}' ({kind}): {message}", diagnostics),
        };
    }

    private static List<QsharpDiagnostic> ParseDiagnostics(JsonNode? node) =>
        node is JsonArray array
            ? array.Select(d => new QsharpDiagnostic(
                d!["file"]?.GetValue<string>() ?? "",
                d["line"]?.GetValue<int>() ?? 0,
                d["column"]?.GetValue<int>() ?? 0,
                d["endLine"]?.GetValue<int>() ?? 0,
                d["endColumn"]?.GetValue<int>() ?? 0,
                d["severity"]?.GetValue<string>() ?? "error",
                d["code"]?.GetValue<string>() ?? "",
                d["message"]?.GetValue<string>() ?? "")).ToList()
            : [];

    private static JsonArray SourcesJson(QsharpProgram program) =>
        new(program.Sources.Select(s => (JsonNode)new JsonArray(s.Name, s.Text)).ToArray());

    private static JsonObject CircuitRequest(QsharpProgram program, string operation, int qubits, IReadOnlyList<double[][]> circuits)
    {
        if (circuits.Count == 0)
        {
            throw new ArgumentException("At least one circuit is needed.", nameof(circuits));
        }

        return new JsonObject
        {
            ["sources"] = SourcesJson(program),
            ["operation"] = operation,
            ["qubits"] = qubits,
            ["circuits"] = JsonSerializer.SerializeToNode(circuits),
        };
    }

    private static JsonObject SingleCallRequest(QsharpProgram program, string operation, int qubits, double[][] arguments) =>
        new()
        {
            ["sources"] = SourcesJson(program),
            ["operation"] = operation,
            ["qubits"] = qubits,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments),
        };
}
