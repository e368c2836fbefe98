using System.ComponentModel.DataAnnotations;

namespace HybridQsharp.Quantum.Azure;

/// <summary>
/// The Azure Quantum workspace and target (configuration section "AzureQuantum"). Credentials
/// are not configured here: they come only from Azure.Identity's DefaultAzureCredential.
/// </summary>
public sealed class AzureQuantumOptions
{
    public const string Section = "AzureQuantum";

    /// <summary>The data-plane REST API version these requests follow.</summary>
    public const string ApiVersion = "2022-09-12-preview";

    /// <summary>The token scope of the Azure Quantum data plane.</summary>
    public const string Scope = "https://quantum.microsoft.com/.default";

    [Required]
    public string SubscriptionId { get; set; } = string.Empty;

    [Required]
    public string ResourceGroup { get; set; } = string.Empty;

    [Required]
    public string WorkspaceName { get; set; } = string.Empty;

    [Required]
    public string Location { get; set; } = "westus";

    /// <summary>e.g. quantinuum.sim.h1-1e, ionq.simulator, rigetti.sim.qvm.</summary>
    [Required]
    public string Target { get; set; } = "quantinuum.sim.h1-1e";

    /// <summary>The target's provider (defaults to the part of Target before the first dot).</summary>
    public string? ProviderId { get; set; }

    [Range(1, 1_000_000)]
    public int Shots { get; set; } = 100;

    /// <summary>Overrides https://{Location}.quantum.azure.com (tests point it at 127.0.0.1).</summary>
    public Uri? Endpoint { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public Uri BaseUri => Endpoint ?? new Uri($"https://{Location}.quantum.azure.com");

    public string Provider => ProviderId ?? Target.Split('.')[0];

    public string WorkspacePath =>
        $"/subscriptions/{Uri.EscapeDataString(SubscriptionId)}/resourceGroups/{Uri.EscapeDataString(ResourceGroup)}" +
        $"/providers/Microsoft.Quantum/workspaces/{Uri.EscapeDataString(WorkspaceName)}";
}
