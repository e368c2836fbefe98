using System.Text.Json.Nodes;

namespace HybridQsharp.Quantum.Azure;

/// <summary>One QIR program to run as an Azure Quantum job.</summary>
/// <param name="Program">QIR bitcode (or text, for targets that take it).</param>
/// <param name="ContentType">application/x-qir.v1 for bitcode.</param>
public sealed record AzureJobRequest(string Id, string Name, byte[] Program, string ContentType, int Qubits, JsonObject Metadata)
{
    public const string InputDataFormat = "qir.v1";
    public const string OutputDataFormat = "microsoft.quantum-results.v1";
    public const string BitcodeContentType = "application/x-qir.v1";

    /// <summary>The job body PUT to /jobs/{id} (the data-plane JobDetails schema).</summary>
    public JsonObject Details(AzureQuantumOptions options, Uri containerUri, Uri inputDataUri) => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["containerUri"] = containerUri.ToString(),
        ["inputDataUri"] = inputDataUri.ToString(),
        ["inputDataFormat"] = InputDataFormat,
        ["outputDataFormat"] = OutputDataFormat,
        ["providerId"] = options.Provider,
        ["target"] = options.Target,
        ["inputParams"] = new JsonObject
        {
            ["entryPoint"] = "ENTRYPOINT__main",
            ["arguments"] = new JsonArray(),
            ["targetCapability"] = "BasicExecution",
            ["shots"] = options.Shots,
            ["count"] = options.Shots,
        },
        ["metadata"] = Metadata.DeepClone(),
    };
}

/// <summary>A job's state as the service reports it.</summary>
public sealed record AzureJobStatus(string Id, string Status, Uri? OutputDataUri, string? ErrorCode, string? ErrorMessage)
{
    public bool IsTerminal => Status is "Succeeded" or "Failed" or "Cancelled";
}
