using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Quantum.Azure;

/// <summary>
/// Azure Quantum's data-plane REST API (api-version 2022-09-12-preview), as the azure-quantum
/// SDK drives it: ask the workspace for a container SAS URI, create the container and upload the
/// QIR as a block blob, PUT the job, poll it until it ends, download its output blob.
/// Transient failures (408, 429, 5xx, network) are retried with exponential backoff, honouring
/// Retry-After; tokens come from the injected credential and are never logged.
/// </summary>
public sealed class AzureQuantumClient(HttpClient http, TokenCredential credential, AzureQuantumOptions options, ILogger<AzureQuantumClient> logger)
{
    private const string StorageVersion = "2021-08-06";
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.RequestTimeout, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway,
            HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    /// <summary>Uploads the program and creates the job; returns its id.</summary>
    public async Task<string> SubmitAsync(AzureJobRequest job, CancellationToken cancellationToken)
    {
        var containerName = $"job-{job.Id}";
        var sas = await SendJsonAsync(HttpMethod.Post, WorkspaceUri("storage/sasUri"), new JsonObject { ["containerName"] = containerName },
            authenticate: true, cancellationToken);
        var containerUri = new Uri(sas?["sasUri"]?.GetValue<string>()
            ?? throw new AzureQuantumException("The workspace returned no SAS URI for the job container."));

        await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, WithQuery(containerUri, "restype=container"));
            request.Headers.Add("x-ms-version", StorageVersion);
            return request;
        }, authenticate: false, allow: [HttpStatusCode.Conflict], cancellationToken);

        var blobUri = BlobUri(containerUri, "inputData");
        await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, blobUri) { Content = new ByteArrayContent(job.Program) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(job.ContentType);
            request.Headers.Add("x-ms-blob-type", "BlockBlob");
            request.Headers.Add("x-ms-version", StorageVersion);
            return request;
        }, authenticate: false, allow: [], cancellationToken);

        await SendJsonAsync(HttpMethod.Put, WorkspaceUri($"jobs/{Uri.EscapeDataString(job.Id)}"), job.Details(options, containerUri, blobUri),
            authenticate: true, cancellationToken);
        logger.LogInformation("Submitted Azure Quantum job {Job} ({Name}) to {Target}", job.Id, job.Name, options.Target);
        return job.Id;
    }

    public async Task<AzureJobStatus> GetJobAsync(string jobId, CancellationToken cancellationToken)
    {
        var details =
            await SendJsonAsync(HttpMethod.Get, WorkspaceUri($"jobs/{Uri.EscapeDataString(jobId)}"), null, authenticate: true, cancellationToken)
            ?? throw new AzureQuantumException($"The service returned no details for job {jobId}.");
        var output = details["outputDataUri"]?.GetValue<string>();
        return new AzureJobStatus(details["id"]?.GetValue<string>() ?? jobId, details["status"]?.GetValue<string>() ?? "Unknown",
            string.IsNullOrEmpty(output) ? null : new Uri(output),
            details["errorData"]?["code"]?.GetValue<string>(), details["errorData"]?["message"]?.GetValue<string>());
    }

    /// <summary>Polls until the job ends; a Failed or Cancelled job raises the provider's error.</summary>
    public async Task<AzureJobStatus> WaitAsync(string jobId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        string? last = null;
        while (true)
        {
            var status = await GetJobAsync(jobId, timeout.Token);
            if (status.Status != last)
            {
                logger.LogInformation("Job {Job}: {Status}", jobId, status.Status);
            }

            last = status.Status;
            if (status.Status is "Failed" or "Cancelled")
            {
                throw new AzureQuantumJobFailedException(jobId, status.Status, status.ErrorCode, status.ErrorMessage);
            }

            if (status.IsTerminal)
            {
                return status;
            }

            await Task.Delay(options.PollInterval, timeout.Token);
        }
    }

    /// <summary>The job's output histogram: outcome label (e.g. "[0, 1, 1, 0]") → probability or count.</summary>
    public async Task<IReadOnlyDictionary<string, double>> GetResultsAsync(AzureJobStatus job, CancellationToken cancellationToken)
    {
        if (job.Status != "Succeeded" || job.OutputDataUri is null)
        {
            throw new AzureQuantumException($"Job {job.Id} has no results (status {job.Status}).");
        }

        var body =
            await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, job.OutputDataUri), authenticate: false, allow: [], cancellationToken);
        return AzureResultHistogram.Parse(body);
    }

    private Uri WorkspaceUri(string path) => new(options.BaseUri, $"{options.WorkspacePath}/{path}?api-version={AzureQuantumOptions.ApiVersion}");

    private static Uri BlobUri(Uri containerSas, string blob)
    {
        var builder = new UriBuilder(containerSas);
        builder.Path = builder.Path.TrimEnd('/') + "/" + blob;
        return builder.Uri;
    }

    private static Uri WithQuery(Uri uri, string extra)
    {
        var builder = new UriBuilder(uri);
        builder.Query = string.IsNullOrEmpty(builder.Query) ? extra : builder.Query.TrimStart('?') + "&" + extra;
        return builder.Uri;
    }

    private async Task<JsonNode?> SendJsonAsync(HttpMethod method, Uri uri, JsonNode? body, bool authenticate, CancellationToken cancellationToken)
    {
        var text = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(method, uri);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            return request;
        }, authenticate, allow: [], cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private async Task<string> SendAsync(Func<HttpRequestMessage> create, bool authenticate, HttpStatusCode[] allow,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = create();
            if (authenticate)
            {
                var token = await AzureCredentials.GetTokenAsync(credential, AzureQuantumOptions.Scope, cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            }

            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var content = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode || allow.Contains(response.StatusCode))
                {
                    return content;
                }

                failure = $"{(int)response.StatusCode} {response.ReasonPhrase}: {ErrorMessage(content)}";
                if (!Transient.Contains(response.StatusCode))
                {
                    throw new AzureQuantumException($"Azure Quantum refused {request.Method} {request.RequestUri!.AbsolutePath}: {failure}");
                }

                retryAfter = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }

            if (attempt >= options.MaxRetries)
            {
                throw new AzureQuantumException(
                    $"Azure Quantum did not answer {request.Method} {request.RequestUri!.AbsolutePath} after {attempt + 1} attempts: {failure}");
            }

            var delay = retryAfter is { } ra && ra > TimeSpan.Zero ? ra : options.RetryDelay * Math.Pow(2, attempt);
            logger.LogWarning("Transient failure ({Failure}); retry {Attempt} of {Max} in {Delay}", failure, attempt + 1, options.MaxRetries, delay);
            await Task.Delay(delay, cancellationToken);
        }
    }

    private static string ErrorMessage(string content)
    {
        try
        {
            var error = JsonNode.Parse(content)?["error"];
            return error is null ? Truncate(content) : $"{error["code"]?.GetValue<string>()}: {error["message"]?.GetValue<string>()}";
        }
        catch (System.Text.Json.JsonException)
        {
            return Truncate(content);
        }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
