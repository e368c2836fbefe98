using Azure.Core;
using Azure.Identity;

namespace HybridQsharp.Quantum.Azure;

/// <summary>
/// The credential Azure Quantum requests use: Azure.Identity's DefaultAzureCredential, created so
/// that a misconfiguration is one <see cref="AzureQuantumException"/> line. An invalid
/// AZURE_TENANT_ID makes DefaultAzureCredential's static initialiser throw, which would poison the
/// type for the rest of the process, so the tenant id is checked before it is touched.
/// </summary>
public static class AzureCredentials
{
    public const string TenantVariable = "AZURE_TENANT_ID";

    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    /// <exception cref="AzureQuantumException">AZURE_TENANT_ID is not a tenant id, or the credential cannot be built.</exception>
    public static TokenCredential CreateDefault(Func<string, string?>? environment = null)
    {
        var tenant = (environment ?? Environment.GetEnvironmentVariable)(TenantVariable);
        if (!string.IsNullOrEmpty(tenant) && !IsTenantId(tenant))
        {
            throw new AzureQuantumException(
                $"{TenantVariable} '{tenant}' is not a tenant id: give the directory's GUID or a domain such as contoso.onmicrosoft.com (letters, " +
                $"digits, '.' and '-' only).");
        }

        try
        {
            return new DefaultAzureCredential();
        }
        catch (Exception e) when (e is ArgumentException or TypeInitializationException { InnerException: ArgumentException })
        {
            throw new AzureQuantumException($"The Azure credential could not be created: {OneLine((e.InnerException ?? e).Message)}", e);
        }
    }

    /// <summary>A token for <paramref name="scope"/>; sign-in failures become one <see cref="AzureQuantumException"/> line.</summary>
    public static async Task<AccessToken> GetTokenAsync(TokenCredential credential, string scope, CancellationToken cancellationToken)
    {
        try
        {
            return await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
        }
        catch (CredentialUnavailableException e)
        {
            throw new AzureQuantumException(
                $"Azure sign-in failed: no credential is available ({OneLine(e.Message)}). Sign in with 'az login', or set {TenantVariable}, " +
                $"AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.", e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new AzureQuantumException($"Azure sign-in failed: {OneLine(e.Message)}", e);
        }
        catch (ArgumentException e)
        {
            throw new AzureQuantumException($"The Azure credential is misconfigured: {OneLine(e.Message)}", e);
        }
    }

    /// <summary>What Azure.Identity accepts as a tenant id: ASCII letters, digits, '.' and '-'.</summary>
    public static bool IsTenantId(string tenant) =>
        tenant.Length > 0 && tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    // Azure.Identity's messages list every credential it tried on its own line; the first line says what failed.
    private static string OneLine(string message)
    {
        var first = message.Split('\n', 2)[0].Trim();
        return first.EndsWith('.') ? first[..^1] : first;
    }
}
