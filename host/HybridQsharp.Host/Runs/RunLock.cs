using System.Diagnostics;
using System.Globalization;

namespace HybridQsharp.Host.Runs;

/// <summary>
/// The exclusive right to write into a run folder: run.lock, held open without sharing (an
/// advisory file lock) for as long as the writer lives, so the operating system releases it when
/// the process dies and a stale lock never blocks; run.lock.info names the holder (PID, host,
/// start time) for the message a second writer gets, since the locked file itself cannot be read.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(FileStream stream, string path, string info)
    {
        _stream = stream;
        Path = path;
        InfoPath = info;
    }

    public string Path { get; }

    public string InfoPath { get; }

    /// <exception cref="RunFolderInUseException">Another live process holds the folder.</exception>
    public static RunLock Acquire(RunFolder run)
    {
        Directory.CreateDirectory(run.Path);
        FileStream stream;
        try
        {
            stream = new FileStream(run.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new RunFolderInUseException(
                $"{run.Path} is in use by another hybridq ({Holder(run.Lock + ".info")}); wait for it to finish or choose another --out.");
        }

        var holder = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} " +
            $"({Process.GetCurrentProcess().ProcessName})");
        RunFolder.WriteText(run.Lock + ".info", holder + Environment.NewLine);
        return new RunLock(stream, run.Lock, run.Lock + ".info");
    }

    public void Dispose()
    {
        try
        {
            File.Delete(InfoPath);
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Another writer may already hold a new lock on the same path; it is theirs now.
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private static string Holder(string path)
    {
        try
        {
            var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault() : null;
            return string.IsNullOrWhiteSpace(line) ? "holder unknown" : line.Trim();
        }
        catch (IOException)
        {
            return "holder unknown";
        }
    }
}
