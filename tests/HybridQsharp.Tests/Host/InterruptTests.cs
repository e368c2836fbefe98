using System.Diagnostics;
using System.Text.Json;

namespace HybridQsharp.Tests.Host;

/// <summary>Ctrl+C during `train` leaves a run folder that `--resume` finishes.</summary>
public sealed class InterruptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-sigint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SigintLeavesAResumableRun()
    {
        var run = Path.Combine(_folder, "run");
        string[] arguments = ["train", "--model", "classical", "--limit", "1024", "--epochs", "4", "--out", run];
        var start = new ProcessStartInfo(HybridqProcess.Executable) { WorkingDirectory = _folder, RedirectStandardError = true,
            RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["CI"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();

        var last = Path.Combine(run, "checkpoints", "classical", "last.ckpt");
        var waited = Stopwatch.StartNew();
        while (!File.Exists(last) && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(last), $"no checkpoint appeared:\n{(process.HasExited ? await stderr : "still running")}");
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        var log = await stderr;

        Assert.True(process.ExitCode == 130 || process.ExitCode == 0, $"exit {process.ExitCode}:\n{log}");
        Assert.DoesNotContain("   at ", log);
        var resumed = await HybridqProcess.RunAsync(_folder, new Dictionary<string, string> { ["CI"] = "1" }, TimeSpan.FromMinutes(5),
            [.. arguments, "--resume"]);
        Assert.True(resumed.ExitCode == 0, $"resume failed, exit {resumed.ExitCode}:\n{resumed.StandardError}");
        Assert.Contains("resuming after epoch", resumed.StandardError);

        using var metrics = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(run, "metrics.json")));
        var history = metrics.RootElement.GetProperty("models")[0].GetProperty("history");
        Assert.Equal(4, history.GetArrayLength());
        Assert.Equal(Enumerable.Range(1, 4), history.EnumerateArray().Select(h => h.GetProperty("epoch").GetInt32()));
    }
}
