using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HybridQsharp.Classical.Models;

namespace HybridQsharp.Host.Runs;

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

    public string Checkpoints(ModelKind model) => System.IO.Path.Combine(Path, "checkpoints", model.Key());

    public string BestCheckpoint(ModelKind model) => System.IO.Path.Combine(Checkpoints(model), "best.ckpt");

    public static void WriteText(string path, string text) => WriteBytes(path, Encoding.UTF8.GetBytes(text));

    public static void WriteJson<T>(string path, T value) =>
        WriteBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, Json));

    /// <summary>
    /// Indented, camelCase, non-ASCII text as written (a path with é stays readable), and NaN/∞
    /// written as named literals rather than failing the write: a diverged run is still recorded.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
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
