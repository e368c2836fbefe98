using System.Text;
using System.Text.Json;

namespace HybridQsharp.Host.Experiments;

/// <summary>A run's output folder and its layout; every file that matters is written atomically.</summary>
public sealed class RunFolder
{
    public RunFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(Figures);
    }

    public string Path { get; }

    public string Figures => System.IO.Path.Combine(Path, "figures");

    public string Config => System.IO.Path.Combine(Path, "config.json");

    public string MetricsCsv => System.IO.Path.Combine(Path, "metrics.csv");

    public string MetricsJson => System.IO.Path.Combine(Path, "metrics.json");

    public string Log => System.IO.Path.Combine(Path, "run.log");

    public string ReportMarkdown => System.IO.Path.Combine(Path, "report.md");

    public string ReportHtml => System.IO.Path.Combine(Path, "report.html");

    public string Checkpoints(string model) => System.IO.Path.Combine(Path, "checkpoints", model);

    /// <summary>The default folder for a new run: runs/&lt;dataset&gt;-&lt;preset&gt;-&lt;UTC time&gt;.</summary>
    public static string DefaultFor(ExperimentOptions options) =>
        System.IO.Path.Combine("runs", $"{options.Dataset.ToLowerInvariant()}-{options.Preset.ToLowerInvariant()}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");

    public static void WriteText(string path, string text) => WriteBytes(path, Encoding.UTF8.GetBytes(text));

    public static void WriteJson<T>(string path, T value) =>
        WriteBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, Json));

    // NaN/∞ as "NaN"/"Infinity": a non-finite metric must not make the metrics write throw.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Temp file in the same folder, then rename: readers never see half a file.</summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
