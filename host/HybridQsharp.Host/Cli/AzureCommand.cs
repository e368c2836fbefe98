using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Inference;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Azure;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Host.Cli;

/// <summary>`azure submit|status|results`: a trained hybrid's inference samples as QIR jobs on Azure Quantum.</summary>
public static class AzureCommand
{
    private const string JobsFile = "azure-jobs.json";

    public static Command Create(Option<string[]> settings)
    {
        var run = InferCommand.RunOption();
        var samples = InferCommand.SamplesOption(4);
        var dryRun = new Option<bool>("--dry-run")
            { Description = "Write the complete job bundle (programs, job bodies, target parameters) to <run>/azure-bundle without any network." };
        var submit = new Command("submit", "Compile N test samples to QIR (bitcode via llvm-as) and submit them as jobs.\n\nExamples:\n" +
            "  hybridq azure submit --run runs/mnist-paper --samples 10 --dry-run\n" +
            "  hybridq azure submit --run runs/mnist-paper --set AzureQuantum:WorkspaceName=ws --set AzureQuantum:Target=ionq.simulator")
        {
            run, samples, dryRun,
        };
        submit.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var folder = parse.GetValue(run)!;
            var loader = services.GetRequiredService<TrainedRunLoader>();
            using var trained = await loader.LoadAsync(new RunFolder(folder), ModelKind.Hybrid, token);
            var chosen = loader.TestSamples(trained, parse.GetValue(samples), token);
            var written = await new QirExport(services.GetRequiredService<QsharpRuntime>(), services.GetRequiredService<ILogger<QirExport>>())
                .WriteAsync(trained, chosen, Path.Combine(folder, "qir"), token);
            var options = AzureOptions(services, requireWorkspace: !parse.GetValue(dryRun));
            var jobs = written.Select((w, i) => new AzureJobRequest(
                $"hybridq-{Guid.NewGuid():N}", $"hybridqsharp sample {chosen[i].Index}",
                w.BitcodePath is { } bc ? File.ReadAllBytes(bc) : File.ReadAllBytes(w.TextPath),
                w.BitcodePath is null ? "text/plain" : AzureJobRequest.BitcodeContentType, trained.HybridExecution.Circuit.Qubits,
                new JsonObject
                {
                    ["sample"] = chosen[i].Index, ["label"] = chosen[i].Label, ["qubits"] = trained.HybridExecution.Circuit.Qubits
                })).ToList();
            if (parse.GetValue(dryRun))
            {
                var bundle = Path.Combine(folder, "azure-bundle");
                AzureJobBundle.Write(bundle, options, jobs);
                Console.Out.WriteLine($"{jobs.Count} job bundles in {bundle} (no network used)");
                return ExitCodes.Success;
            }

            if (jobs.Any(j => j.ContentType != AzureJobRequest.BitcodeContentType))
            {
                throw new CommandLineError(
                    "Azure Quantum takes QIR bitcode: install LLVM's llvm-as (apt install llvm) and submit again, or use --dry-run.");
            }

            var client = Client(services, options);
            var submitted = new JsonArray();
            foreach (var job in jobs)
            {
                await client.SubmitAsync(job, token);
                submitted.Add(new JsonObject { ["id"] = job.Id, ["sample"] = job.Metadata["sample"]!.DeepClone(),
                    ["label"] = job.Metadata["label"]!.DeepClone() });
            }

            RunFolder.WriteText(Path.Combine(folder, JobsFile), submitted.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Console.Out.WriteLine($"submitted {jobs.Count} jobs to {options.Target}; ids in {Path.Combine(folder, JobsFile)}");
            return ExitCodes.Success;
        }, ct));

        var job = new Option<string>("--job") { Description = "A job id.", Required = true };
        var status = new Command("status", "Show a job's status.\n\nExamples:\n  hybridq azure status --job hybridq-0123abcd") { job };
        status.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var options = AzureOptions(services, requireWorkspace: true);
            var state = await Client(services, options).GetJobAsync(parse.GetValue(job)!, token);
            Console.Out.WriteLine(
                $"{state.Id}: {state.Status}{(state.ErrorMessage is null ? string.Empty : $" ({state.ErrorCode}: {state.ErrorMessage})")}");
            return ExitCodes.Success;
        }, ct));

        var resultsRun = InferCommand.RunOption();
        var results = new Command("results", "Wait for a run's submitted jobs, turn their histograms into ⟨Z_i⟩ and predictions, " +
            "and compare with the exact ones.\n\nExamples:\n  hybridq azure results --run runs/mnist-paper") { resultsRun };
        results.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var folder = parse.GetValue(resultsRun)!;
            var path = Path.Combine(folder, JobsFile);
            if (!File.Exists(path))
            {
                throw new CommandLineError($"{path} does not exist: submit jobs first (hybridq azure submit --run {folder}).");
            }

            var submitted = JsonNode.Parse(await File.ReadAllTextAsync(path, token))!.AsArray();
            var loader = services.GetRequiredService<TrainedRunLoader>();
            using var trained = await loader.LoadAsync(new RunFolder(folder), ModelKind.Hybrid, token);
            var chosen = loader.TestSamples(trained, submitted.Max(s => s!["sample"]!.GetValue<int>()) + 1, token);
            var options = AzureOptions(services, requireWorkspace: true);
            var client = Client(services, options);
            var qubits = trained.HybridExecution.Circuit.Qubits;
            var picked = submitted.Select(s => chosen[s!["sample"]!.GetValue<int>()]).ToList();
            var (expectations, errors) = (new List<double[]>(), new List<double[]>());
            foreach (var entry in submitted)
            {
                var done = await client.WaitAsync(entry!["id"]!.GetValue<string>(), token);
                var (z, se) = AzureResultHistogram.Expectations(await client.GetResultsAsync(done, token), qubits, options.Shots);
                expectations.Add(z);
                errors.Add(se);
            }

            var exact = HybridInference.Exact(trained, picked);
            var hardware = HybridInference.Outcome($"azure {options.Target}, {options.Shots} shots", trained, picked, [.. expectations], [.. errors]);
            Console.Out.WriteLine($"{hardware.Backend}: accuracy {hardware.Accuracy:P2} on {picked.Count} samples, " +
                $"agrees with exact on {hardware.AgreementWith(exact):P2}, max |Δ⟨Z⟩| = {hardware.MaxDeviationInStandardErrors(exact):F2} SE");
            return ExitCodes.Success;
        }, ct));

        return new Command("azure", "Run inference samples as QIR jobs on Azure Quantum (workspace and target from configuration, " +
            "section AzureQuantum; credentials from DefaultAzureCredential only).")
        {
            submit, status, results,
        };
    }

    private static AzureQuantumOptions AzureOptions(IServiceProvider services, bool requireWorkspace)
    {
        var options = services.GetRequiredService<IOptions<AzureQuantumOptions>>().Value;
        if (requireWorkspace && (
            string.IsNullOrWhiteSpace(options.SubscriptionId) || string.IsNullOrWhiteSpace(options.ResourceGroup)
                || string.IsNullOrWhiteSpace(options.WorkspaceName)))
        {
            throw new CommandLineError("Azure Quantum needs AzureQuantum:SubscriptionId, ResourceGroup and WorkspaceName (appsettings.json, " +
                "HYBRIDQ__AzureQuantum__..., or --set).");
        }

        return options;
    }

    private static AzureQuantumClient Client(IServiceProvider services, AzureQuantumOptions options) =>
        new(new HttpClient(), AzureCredentials.CreateDefault(), options, services.GetRequiredService<ILogger<AzureQuantumClient>>());
}
