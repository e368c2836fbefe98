using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HybridQsharp.Tests.Host;

/// <summary>
/// The default job end to end through the real executable, on a small MNIST subset: the run
/// folder holds every figure, the metrics files and both reports, and the report's table says
/// what metrics.json says.
/// </summary>
public sealed class DefaultJobTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-e2e-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheDefaultJobWritesTheWholeRunFolder()
    {
        var run = Path.Combine(_folder, "run");
        var outcome = await HybridqProcess.RunAsync(_folder, new Dictionary<string, string> { ["CI"] = "1" }, TimeSpan.FromMinutes(10),
            "--limit", "256", "--epochs", "2", "--out", run);
        Assert.True(outcome.ExitCode == 0, $"exit {outcome.ExitCode}:\n{outcome.StandardError}");

        foreach (var file in new[] { "config.json", "metrics.csv", "metrics.json", "report.md", "report.html", "run.log" })
        {
            Assert.True(new FileInfo(Path.Combine(run, file)).Length > 0, $"{file} is missing or empty");
        }

        foreach (var model in new[] { "hybrid", "classical" })
        {
            Assert.True(File.Exists(Path.Combine(run, "checkpoints", model, "last.ckpt")));
            Assert.True(File.Exists(Path.Combine(run, "checkpoints", model, "best.ckpt")));
        }

        var pngs = Directory.GetFiles(Path.Combine(run, "figures"), "*.png");
        var expected =
            new[] { "training-curves", "resources", "confusion-hybrid", "confusion-classical", "feature-space-hybrid", "feature-space-classical",
                "samples", "predictions-hybrid", "predictions-classical", "metric-comparison", "test-results", "class-distribution", "circuit" };
        foreach (var name in expected)
        {
            var png = pngs.FirstOrDefault(p => Path.GetFileName(p).StartsWith(name, StringComparison.Ordinal));
            Assert.True(png is not null, $"no figure {name}*.png among {string.Join(", ", pngs.Select(Path.GetFileName))}");
            var (width, height) = PngSize(png!);
            Assert.True(width >= 400 && height >= 250, $"{png} is {width}x{height}");
            Assert.True(File.Exists(Path.ChangeExtension(png, ".svg")), $"{png} has no SVG beside it");
        }

        using var metrics = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(run, "metrics.json")));
        var report = await File.ReadAllTextAsync(Path.Combine(run, "report.md"));
        var header = report.Split('\n').First(l => l.StartsWith("| model |", StringComparison.Ordinal)).Split('|').Select(c => c.Trim()).ToList();
        foreach (var model in metrics.RootElement.GetProperty("models").EnumerateArray())
        {
            var name = model.GetProperty("model").GetString()!;
            var test = model.GetProperty("test").GetProperty("metrics");
            var accuracy = (test.GetProperty("accuracy").GetDouble() * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";
            var f1 = test.GetProperty("f1").GetDouble().ToString("F4", CultureInfo.InvariantCulture);
            var row = report.Split('\n').Single(l => l.StartsWith($"| {name} |", StringComparison.Ordinal));
            var cells = row.Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(accuracy, cells[header.IndexOf("test acc (ours)")]);
            Assert.Equal(f1, cells[header.IndexOf("test macro F1")]);
            Assert.Equal(model.GetProperty("parameters").GetInt64().ToString("N0", CultureInfo.InvariantCulture),
                cells[header.IndexOf("params (ours)")]);
        }

        Assert.Equal(2 * 2, (await File.ReadAllLinesAsync(Path.Combine(run, "metrics.csv"))).Length - 1);
        Assert.Matches(new Regex("<img alt=\"[^\"]+\" src=\"data:image/png;base64,"), await File.ReadAllTextAsync(Path.Combine(run, "report.html")));
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var header = new byte[24];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadExactly(header);
        }

        Assert.Equal(0x89, header[0]);
        Assert.Equal((byte)'P', header[1]);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
