namespace HybridQsharp.Quantum.Azure;

/// <summary>A request to Azure Quantum failed (after retries where the error was transient).</summary>
public class AzureQuantumException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A job ended in Failed or Cancelled; carries the provider's error code and message.</summary>
public sealed class AzureQuantumJobFailedException(string jobId, string status, string? code, string? providerMessage)
    : AzureQuantumException($"Azure Quantum job {jobId} ended {status}: {code ?? "no code"}: {providerMessage ?? "no message from the provider"}")
{
    public string JobId { get; } = jobId;

    public string? Code { get; } = code;

    public string? ProviderMessage { get; } = providerMessage;
}
