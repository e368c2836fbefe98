using System.Text.Json;
using System.Text.Json.Nodes;

namespace HybridQsharp.Quantum.Azure;

/// <summary>
/// --dry-run: everything a submission would send, written to a folder without any network: per
/// job the program, job.json (the exact body that would be PUT, with placeholder storage URIs),
/// and a bundle.json with workspace, target, formats and target parameters. No credential is read.
/// </summary>
public static class AzureJobBundle
{
    public static IReadOnlyList<string> Write(string folder, AzureQuantumOptions options, IReadOnlyList<AzureJobRequest> jobs)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var job in jobs)
        {
            var jobFolder = Path.Combine(folder, job.Id);
            Directory.CreateDirectory(jobFolder);
            // The workspace assigns the real container at submission; .invalid marks the placeholder.
            var container = new Uri($"https://workspace-storage.invalid/job-{job.Id}");
            var details = job.Details(options, container, new Uri(container + "/inputData"));
            Atomic(Path.Combine(jobFolder, job.ContentType == AzureJobRequest.BitcodeContentType ? "program.bc" : "program.ll"), job.Program);
            Atomic(Path.Combine(jobFolder, "job.json"), JsonSerializer.SerializeToUtf8Bytes(details, Indented));
            written.Add(jobFolder);
        }

        var bundle = new JsonObject
        {
            ["endpoint"] = options.BaseUri.ToString(),
            ["workspacePath"] = options.WorkspacePath,
            ["apiVersion"] = AzureQuantumOptions.ApiVersion,
            ["target"] = options.Target,
            ["providerId"] = options.Provider,
            ["shots"] = options.Shots,
            ["inputDataFormat"] = AzureJobRequest.InputDataFormat,
            ["outputDataFormat"] = AzureJobRequest.OutputDataFormat,
            ["jobs"] = new JsonArray(jobs.Select(j => (JsonNode)new JsonObject { ["id"] = j.Id, ["name"] = j.Name, ["qubits"] = j.Qubits,
                ["contentType"] = j.ContentType, ["metadata"] = j.Metadata.DeepClone() }).ToArray()),
        };
        Atomic(Path.Combine(folder, "bundle.json"), JsonSerializer.SerializeToUtf8Bytes(bundle, Indented));
        return written;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static void Atomic(string path, byte[] bytes)
    {
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
