using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace HybridQsharp.Tests.Quantum.Azure;

/// <summary>
/// Test double standing in for Azure Quantum (the live service is not reachable from here): an
/// HTTP server on 127.0.0.1 that checks each request's shape against the data-plane REST API and
/// the blob protocol, and answers with recorded responses. Job status walks through the given
/// sequence; <see cref="FailuresBeforeSuccess"/> injects transient errors.
/// </summary>
public sealed class RecordedAzureQuantumServer : IDisposable
{
    public const string Token = "test-token-not-a-secret";
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<string> _statuses = new();

    public RecordedAzureQuantumServer(params string[] statusSequence)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        foreach (var s in statusSequence)
        {
            _statuses.Enqueue(s);
        }

        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    public List<string> Log { get; } = [];

    public List<string> Violations { get; } = [];

    public byte[]? UploadedProgram { get; private set; }

    public JsonObject? SubmittedJob { get; private set; }

    /// <summary>Status codes returned (once each, in order) to job GETs before they are answered.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> FailuresBeforeSuccess { get; } = new();

    public string FailureCode { get; set; } = "InvalidInputData";

    public string FailureMessage { get; set; } = "The QIR program uses an operation the target does not support.";

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            catch (Exception e)
            {
                lock (Violations)
                {
                    Violations.Add($"server error: {e.Message}");
                }

                context.Response.StatusCode = 500;
                context.Response.Close();
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var query = request.Url.Query;
        using var reader = new StreamReader(request.InputStream);
        var body = request.HasEntityBody ? await ReadBytesAsync(request.InputStream) : [];
        lock (Log)
        {
            Log.Add($"{request.HttpMethod} {path}");
        }

        const string workspace = "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Quantum/workspaces/ws-1/";

        if (path.StartsWith(workspace, StringComparison.Ordinal))
        {
            Expect(query.Contains("api-version=2022-09-12-preview"), $"{path}: api-version missing");
            Expect(request.Headers["Authorization"] == $"Bearer {Token}", $"{path}: no bearer token");
            var rest = path[workspace.Length..];
            if (rest == "storage/sasUri" && request.HttpMethod == "POST")
            {
                var json = JsonNode.Parse(body)!;
                Expect(json["containerName"]?.GetValue<string>()?.StartsWith("job-", StringComparison.Ordinal) == true, "sasUri: containerName");
                await RespondAsync(context, 200,
                    new JsonObject { ["sasUri"] = $"{Endpoint}blob/{json["containerName"]}?sv=2021&sig=fake" }.ToJsonString());
                return;
            }

            if (rest.StartsWith("jobs/", StringComparison.Ordinal) && request.HttpMethod == "PUT")
            {
                var job = JsonNode.Parse(body)!.AsObject();
                foreach (var field in new[] { "id", "name", "containerUri", "inputDataUri", "inputDataFormat", "outputDataFormat", "providerId",
                    "target", "inputParams" })
                {
                    Expect(job[field] is not null, $"job body lacks {field}");
                }

                Expect(job["inputDataFormat"]?.GetValue<string>() == "qir.v1", "inputDataFormat");
                Expect(rest == $"jobs/{job["id"]}", "job id in path and body differ");
                SubmittedJob = job;
                var created = (JsonObject)job.DeepClone();
                created["status"] = "Waiting";
                await RespondAsync(context, 201, created.ToJsonString());
                return;
            }

            if (rest.StartsWith("jobs/", StringComparison.Ordinal) && request.HttpMethod == "GET")
            {
                if (FailuresBeforeSuccess.TryDequeue(out var failure))
                {
                    if (failure.RetryAfter is not null)
                    {
                        context.Response.Headers["Retry-After"] = failure.RetryAfter;
                    }

                    await RespondAsync(context, failure.Status, """{"error": {"code": "Throttled", "message": "try later"}}""");
                    return;
                }

                var status = _statuses.TryDequeue(out var next) ? next : "Succeeded";
                var id = rest["jobs/".Length..];
                var details = new JsonObject { ["id"] = id, ["status"] = status };
                if (status == "Succeeded")
                {
                    details["outputDataUri"] = $"{Endpoint}blob/job-{id}/rawOutputData?sig=fake";
                }

                if (status == "Failed")
                {
                    details["errorData"] = new JsonObject { ["code"] = FailureCode, ["message"] = FailureMessage };
                }

                await RespondAsync(context, 200, details.ToJsonString());
                return;
            }
        }

        if (path.StartsWith("/blob/", StringComparison.Ordinal))
        {
            Expect(request.Headers["Authorization"] is null, "a bearer token was sent to blob storage");
            Expect(query.Contains("sig="), $"{path}: no SAS signature");
            if (request.HttpMethod == "PUT" && query.Contains("restype=container"))
            {
                await RespondAsync(context, 201, string.Empty);
                return;
            }

            if (request.HttpMethod == "PUT" && path.EndsWith("/inputData", StringComparison.Ordinal))
            {
                Expect(request.Headers["x-ms-blob-type"] == "BlockBlob", "blob upload without x-ms-blob-type: BlockBlob");
                Expect(request.ContentType == "application/x-qir.v1", $"blob content type {request.ContentType}");
                UploadedProgram = body;
                await RespondAsync(context, 201, string.Empty);
                return;
            }

            if (request.HttpMethod == "GET" && path.EndsWith("/rawOutputData", StringComparison.Ordinal))
            {
                await RespondAsync(context, 200,
                    """{"DataFormat": "microsoft.quantum-results.v1", "Histogram": ["[0, 0]", 0.5, "[0, 1]", 0.25, "[1, 1]", 0.25]}""");
                return;
            }
        }

        Expect(false, $"unexpected request {request.HttpMethod} {path}");
        await RespondAsync(context, 404, string.Empty);
    }

    private void Expect(bool condition, string violation)
    {
        if (!condition)
        {
            lock (Violations)
            {
                Violations.Add(violation);
            }
        }
    }

    private static async Task<byte[]> ReadBytesAsync(Stream stream)
    {
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static async Task RespondAsync(HttpListenerContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
