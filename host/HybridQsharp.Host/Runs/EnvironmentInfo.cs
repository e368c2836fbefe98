using System.Runtime.InteropServices;
using System.Text.Json;

namespace HybridQsharp.Host.Runs;

/// <summary>The machine and toolchain a run used, for reports (CPU, cores, OS, .NET, TorchSharp/libtorch, qsharp-lang).</summary>
public static class EnvironmentInfo
{
    public static IReadOnlyDictionary<string, string> Collect(string? qsharpVersion) => new SortedDictionary<string, string>
    {
        ["cpu"] = CpuModel(),
        ["cores"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["memory_gb"] = (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024))
            .ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
        ["os"] = RuntimeInformation.OSDescription,
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["torchsharp"] = PackageVersion("TorchSharp") ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["libtorch"] = PackageVersion("libtorch-cpu-linux-x64") ?? "unknown",
        ["qsharp_lang"] = qsharpVersion ?? "not started",
    };

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    // The deps file records the exact package versions the build resolved.
    private static string? PackageVersion(string package)
    {
        var deps = AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string;
        foreach (var file in deps?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            if (!File.Exists(file))
            {
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            if (!document.RootElement.TryGetProperty("libraries", out var libraries))
            {
                continue;
            }

            foreach (var library in libraries.EnumerateObject())
            {
                if (library.Name.StartsWith(package + "/", StringComparison.OrdinalIgnoreCase))
                {
                    return library.Name[(package.Length + 1)..];
                }
            }
        }

        return null;
    }
}
