using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Identity;
using HybridQsharp.Quantum.Azure;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridQsharp.Tests.Quantum.Azure;

/// <summary>The Azure Quantum client against <see cref="RecordedAzureQuantumServer"/> (the live service is not reachable here).</summary>
public sealed class AzureQuantumClientTests
{
    private static readonly byte[] Program = "BC\xC0\xDE fake bitcode"u8.ToArray();

    [Fact]
    public async Task SubmitPollThroughWaitingAndExecutingThenFetchResults()
    {
        using var server = new RecordedAzureQuantumServer("Waiting", "Executing", "Executing", "Succeeded");
        var client = Client(server);

        var id = await client.SubmitAsync(Job("sample-0001"), CancellationToken.None);
        var done = await client.WaitAsync(id, CancellationToken.None);
        var histogram = await client.GetResultsAsync(done, CancellationToken.None);
        var (z, se) = AzureResultHistogram.Expectations(histogram, 2, 100);

        Assert.Empty(server.Violations);
        Assert.Equal("Succeeded", done.Status);
        Assert.Equal(Program, server.UploadedProgram);
        Assert.Equal("quantinuum", server.SubmittedJob!["providerId"]!.GetValue<string>());
        Assert.Equal(100, server.SubmittedJob["inputParams"]!["shots"]!.GetValue<int>());
        Assert.Equal(4, server.Log.Count(l => l.StartsWith("GET /subscriptions", StringComparison.Ordinal)));
        Assert.Equal(0.75 - 0.25, z[0], 12); // qubit 0 is 1 only in "[1, 1]"
        Assert.Equal(0.5 - 0.5, z[1], 12);
        Assert.Equal(Math.Sqrt((1 - 0.25) / 100), se[0], 12);
    }

    [Fact]
    public async Task AFailedJobReportsTheProvidersError()
    {
        using var server = new RecordedAzureQuantumServer("Waiting", "Failed");
        var client = Client(server);
        var id = await client.SubmitAsync(Job("sample-0002"), CancellationToken.None);

        var thrown = await Assert.ThrowsAsync<AzureQuantumJobFailedException>(() => client.WaitAsync(id, CancellationToken.None));

        Assert.Equal("InvalidInputData", thrown.Code);
        Assert.Contains(server.FailureMessage, thrown.Message);
        Assert.DoesNotContain(RecordedAzureQuantumServer.Token, thrown.Message);
    }

    [Fact]
    public async Task ThrottlingAndUnavailabilityAreRetried()
    {
        using var server = new RecordedAzureQuantumServer("Succeeded");
        server.FailuresBeforeSuccess.Enqueue((429, "0"));
        server.FailuresBeforeSuccess.Enqueue((503, null));
        var client = Client(server);

        var status = await client.GetJobAsync("sample-0003", CancellationToken.None);

        Assert.Equal("Succeeded", status.Status);
        Assert.Equal(3, server.Log.Count(l => l.StartsWith("GET /subscriptions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RetriesEndWithAClearError()
    {
        using var server = new RecordedAzureQuantumServer("Succeeded");
        for (var i = 0; i < 5; i++)
        {
            server.FailuresBeforeSuccess.Enqueue((503, null));
        }

        var client = Client(server, maxRetries: 2);

        var thrown = await Assert.ThrowsAsync<AzureQuantumException>(() => client.GetJobAsync("sample-0004", CancellationToken.None));
        Assert.Contains("after 3 attempts", thrown.Message);
        Assert.Contains("503", thrown.Message);
    }

    [Fact]
    public void DryRunWritesTheBundleWithoutNetwork()
    {
        var folder = Directory.CreateTempSubdirectory("hq-azure-").FullName;
        try
        {
            var written = AzureJobBundle.Write(folder, Options(new Uri("http://127.0.0.1:9/")), [Job("sample-0005"), Job("sample-0006")]);
            Assert.Equal(2, written.Count);
            var job = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "sample-0005", "job.json")))!;
            Assert.Equal("qir.v1", job["inputDataFormat"]!.GetValue<string>());
            Assert.Equal("quantinuum.sim.h1-1e", job["target"]!.GetValue<string>());
            Assert.Equal(Program, File.ReadAllBytes(Path.Combine(folder, "sample-0005", "program.bc")));
            var bundle = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "bundle.json")))!;
            Assert.Equal(2, bundle["jobs"]!.AsArray().Count);
            Assert.Equal("microsoft.quantum-results.v1", bundle["outputDataFormat"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void V2ResultsAreCounted()
    {
        var histogram = AzureResultHistogram.Parse(
            """{"DataFormat": "microsoft.quantum-results.v2", "Results": [{"Histogram": [""" +
            """{"Outcome": [0, 1], "Display": "[0, 1]", "Count": 30}, {"Outcome": [1, 1], "Display": "[1, 1]", "Count": 10}]}]}""");
        Assert.Equal(30, histogram["[0, 1]"]);
        var (z, _) = AzureResultHistogram.Expectations(histogram, 2, 40);
        Assert.Equal(0.5, z[0], 12);
        Assert.Equal(-1, z[1], 12);
    }

    [Fact]
    public async Task NoAvailableCredentialIsOneClearLine()
    {
        using var server = new RecordedAzureQuantumServer("Succeeded");
        var unavailable = new CredentialUnavailableException(
            "DefaultAzureCredential failed to retrieve a token from the included credentials.\n" +
            "- EnvironmentCredential authentication unavailable.\n- AzureCliCredential authentication failed: Azure CLI not installed");
        var client = new AzureQuantumClient(new HttpClient(), new FailingCredential(unavailable), Options(server.Endpoint),
            NullLogger<AzureQuantumClient>.Instance);

        var thrown = await Assert.ThrowsAsync<AzureQuantumException>(() => client.GetJobAsync("sample-0005", CancellationToken.None));

        Assert.StartsWith("Azure sign-in failed: no credential is available", thrown.Message);
        Assert.Contains("az login", thrown.Message);
        Assert.DoesNotContain("\n", thrown.Message);
        Assert.Empty(server.Log);
    }

    [Fact]
    public async Task AFailedSignInIsOneClearLine()
    {
        using var server = new RecordedAzureQuantumServer("Succeeded");
        var failed = new AuthenticationFailedException(
            "ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.\nTrace ID: 1234");
        var client = new AzureQuantumClient(new HttpClient(), new FailingCredential(failed), Options(server.Endpoint),
            NullLogger<AzureQuantumClient>.Instance);

        var thrown = await Assert.ThrowsAsync<AzureQuantumException>(() => client.SubmitAsync(Job("sample-0006"), CancellationToken.None));

        Assert.Equal("Azure sign-in failed: ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided",
            thrown.Message);
        Assert.Empty(server.Log);
    }

    [Fact]
    public async Task AnInvalidTenantFromTheCredentialIsOneClearLine()
    {
        using var server = new RecordedAzureQuantumServer("Succeeded");
        var invalid = new ArgumentException("Invalid tenant id provided. You can locate your tenant id by following the instructions listed here: " +
            "https://example.invalid", "tenantId");
        var client = new AzureQuantumClient(new HttpClient(), new FailingCredential(invalid), Options(server.Endpoint),
            NullLogger<AzureQuantumClient>.Instance);

        var thrown = await Assert.ThrowsAsync<AzureQuantumException>(() => client.GetJobAsync("sample-0007", CancellationToken.None));

        Assert.StartsWith("The Azure credential is misconfigured: Invalid tenant id provided", thrown.Message);
    }

    [Theory]
    [InlineData("not a tenant!")]
    [InlineData("abc_def")]
    [InlineData("contoso.onmicrosoft.com/")]
    public void AnInvalidTenantIdIsRefusedBeforeAzureIdentitySeesIt(string tenant)
    {
        // Azure.Identity would throw from DefaultAzureCredential's static initialiser, breaking it for the whole process.
        var thrown = Assert.Throws<AzureQuantumException>(
            () => AzureCredentials.CreateDefault(name => name == AzureCredentials.TenantVariable ? tenant : null));

        Assert.Contains($"AZURE_TENANT_ID '{tenant}' is not a tenant id", thrown.Message);
    }

    [Theory]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47", true)]
    [InlineData("contoso.onmicrosoft.com", true)]
    [InlineData("a b", false)]
    [InlineData("é", false)]
    [InlineData("", false)]
    public void TenantIdsFollowAzureIdentitysRule(string tenant, bool valid) => Assert.Equal(valid, AzureCredentials.IsTenantId(tenant));

    private static AzureJobRequest Job(string id) =>
        new(id, $"hybridqsharp {id}", Program, AzureJobRequest.BitcodeContentType, 2, new JsonObject { ["sample"] = id });

    private static AzureQuantumClient Client(RecordedAzureQuantumServer server, int maxRetries = 3) =>
        new(new HttpClient(), new StaticTokenCredential(), Options(server.Endpoint, maxRetries), NullLogger<AzureQuantumClient>.Instance);

    private static AzureQuantumOptions Options(Uri endpoint, int maxRetries = 3) => new()
    {
        SubscriptionId = "sub-1",
        ResourceGroup = "rg-1",
        WorkspaceName = "ws-1",
        Endpoint = endpoint,
        PollInterval = TimeSpan.FromMilliseconds(10),
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetries = maxRetries,
    };

    /// <summary>Test double for a credential whose sign-in fails as Azure.Identity's do.</summary>
    private sealed class FailingCredential(Exception failure) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw failure;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw failure;
    }

    /// <summary>Test double for DefaultAzureCredential: a fixed token, no identity involved.</summary>
    private sealed class StaticTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(RecordedAzureQuantumServer.Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
