using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Quantum.Qsharp;

/// <summary>
/// The typed requests of the Q# toolchain (npm qsharp-lang, hosted in Node): check, exact
/// expectations, sampling, QIR, circuit diagrams, resource estimates and arbitrary entry
/// expressions. Each request is one JSON object carried by <see cref="QsharpNodeProcess"/>, which
/// owns the process (start, restart after death, stop on cancellation); failures reported by the
/// runtime come back as the <see cref="QsharpException"/> family.
/// </summary>
public sealed class QsharpRuntime : IAsyncDisposable
{
    private readonly QsharpNodeProcess _process;

    public QsharpRuntime(IOptions<QsharpRuntimeOptions> options, ILogger<QsharpRuntime>? logger = null)
    {
        _process = new QsharpNodeProcess(options.Value, logger ?? NullLogger<QsharpRuntime>.Instance);
    }

    /// <summary>The qsharp-lang version reported by the running process, once started.</summary>
    public string? QsharpVersion => _process.QsharpVersion;

    /// <summary>The Node process id while one runs (for diagnostics and tests), else null.</summary>
    public int? ProcessId => _process.ProcessId;

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
    public async Task<IReadOnlyList<QsharpShot>> RunAsync(QsharpProgram program, string entryExpression, int shots = 1,
        CancellationToken cancellationToken = default)
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

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var response = await _process.ExchangeAsync(method, parameters, cancellationToken);
        if (response["error"] is JsonObject error)
        {
            throw ToException(method, error);
        }

        return response["result"] ?? new JsonObject();
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
