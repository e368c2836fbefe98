using System.Diagnostics;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Inference;

/// <summary>
/// One base-profile QIR program per sample, compiled by the Q# compiler with the sample's angles and
/// the trained weights bound and every qubit measured; written as .ll, and as bitcode (.bc) when
/// LLVM's llvm-as is installed, which then also validates the text.
/// </summary>
public sealed class QirExport(QsharpRuntime runtime, ILogger<QirExport> logger)
{
    public sealed record Written(int Sample, string TextPath, string? BitcodePath);

    public async Task<IReadOnlyList<Written>> WriteAsync(TrainedRun trained, IReadOnlyList<CircuitSample> samples, string folder,
        CancellationToken cancellationToken)
    {
        var circuit = trained.HybridExecution.Circuit;
        var programs =
            await runtime.QirAsync(circuit.Program, circuit.Operation, circuit.Qubits, samples.Select(s => s.Arguments).ToList(), cancellationToken);
        Directory.CreateDirectory(folder);
        var llvmAs = FindOnPath("llvm-as");
        if (llvmAs is null)
        {
            logger.LogInformation("llvm-as is not installed: writing QIR text only (apt install llvm for bitcode)");
        }

        var written = new List<Written>();
        for (var i = 0; i < programs.Length; i++)
        {
            var text = Path.Combine(folder, $"sample-{samples[i].Index:D4}.ll");
            RunFolder.WriteText(text, programs[i]);
            string? bitcode = null;
            if (llvmAs is not null)
            {
                bitcode = Path.ChangeExtension(text, ".bc");
                await AssembleAsync(llvmAs, text, bitcode, cancellationToken);
            }

            written.Add(new Written(samples[i].Index, text, bitcode));
        }

        return written;
    }

    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    private static async Task AssembleAsync(string llvmAs, string text, string bitcode, CancellationToken cancellationToken)
    {
        var temp = bitcode + ".tmp";
        var start = new ProcessStartInfo(llvmAs) { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(text);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(temp);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            File.Delete(temp);
            throw new InvalidDataException($"llvm-as rejected {text}: {errors.Trim()}");
        }

        File.Move(temp, bitcode, overwrite: true);
    }
}
