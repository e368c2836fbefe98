using System.Diagnostics;
using System.Runtime;

namespace HybridQsharp.Classical.Training;

/// <summary>
/// This process's own resource use: CPU time (user + system, all threads) and peak resident
/// memory. Unlike machine-wide deltas (what the paper measured with psutil), these are not
/// disturbed by other processes.
/// </summary>
/// <remarks>
/// The peak is the kernel's VmHWM, reset at the start of each epoch by writing 5 to
/// /proc/self/clear_refs (Linux ≥ 4.0), so each epoch gets its own peak; where that is not
/// possible the process-lifetime peak is reported and <see cref="PeakIsPerInterval"/> says so.
/// </remarks>
public sealed class ProcessResources
{
    private readonly Process _process = Process.GetCurrentProcess();
    private TimeSpan _cpuAtStart;

    public bool PeakIsPerInterval { get; private set; }

    /// <summary>Starts an interval: remembers CPU time and resets the peak.</summary>
    public void StartInterval()
    {
        _process.Refresh();
        _cpuAtStart = _process.TotalProcessorTime;
        PeakIsPerInterval = TryResetPeak();
    }

    /// <summary>CPU seconds since <see cref="StartInterval"/> and the peak working set in bytes.</summary>
    public (double CpuSeconds, long PeakWorkingSetBytes) EndInterval()
    {
        _process.Refresh();
        var cpu = (_process.TotalProcessorTime - _cpuAtStart).TotalSeconds;
        return (cpu, ReadPeak() ?? _process.PeakWorkingSet64);
    }

    /// <summary>
    /// A full, compacting collection (large-object heap included) between epochs. Each batch leaves
    /// large managed arrays behind (the parameter-shift rows: 550 kB a batch for the paper circuit)
    /// that only a gen-2 collection frees; left to the GC's own budget they pile up over several
    /// epochs (hybrid, 1,000 images: the peak swung between 370 and 520 MB), while one collection at
    /// the end of an epoch keeps every epoch's peak within a few percent of the first (330-370 MB).
    /// </summary>
    public static void CollectBetweenEpochs()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static long? ReadPeak()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
