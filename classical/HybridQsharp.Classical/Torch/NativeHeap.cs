using System.Runtime.InteropServices;

namespace HybridQsharp.Classical.Torch;

/// <summary>
/// How glibc's malloc, which libtorch's CPU allocator calls for every tensor, keeps freed memory.
/// A training step allocates and frees tens of megabytes of activations and gradients in blocks
/// of a few megabytes. With glibc's defaults a block over the (adaptive) mmap threshold is mapped
/// and unmapped on every allocation, and the top of the heap is returned to the kernel whenever
/// more than twice that threshold is free, so each step faults its activations' pages in again:
/// on the paper's MNIST CNN, the first convolution's forward took 5.6 ms instead of 0.5 ms.
/// <see cref="Configure"/> fixes both thresholds, so freed blocks stay in the heap and are reused.
/// </summary>
/// <remarks>
/// The price is resident memory: up to <see cref="TrimThresholdBytes"/> of freed heap is kept
/// rather than returned, which is why the threshold is bounded and documented (docs/reliability.md).
/// Blocks over <see cref="MmapThresholdBytes"/> (glibc's maximum for this setting) are still
/// mapped on demand. A malloc policy the user set (GLIBC_TUNABLES with a malloc tunable, or
/// MALLOC_TRIM_THRESHOLD_ / MALLOC_MMAP_THRESHOLD_) is left alone.
/// </remarks>
public static class NativeHeap
{
    /// <summary>Blocks up to this size come from the heap (glibc's largest allowed mmap threshold on 64-bit).</summary>
    public const int MmapThresholdBytes = 32 << 20;

    /// <summary>Free memory at the top of the heap kept for reuse before it is returned to the kernel.</summary>
    public const int TrimThresholdBytes = 256 << 20;

    private const int TrimThresholdOption = -1;
    private const int MmapThresholdOption = -3;
    private static readonly Lock Gate = new();
    private static string? _policy;

    /// <summary>The malloc policy in force: the thresholds set here, "user" when the user chose one, or "default".</summary>
    public static string Policy
    {
        get
        {
            lock (Gate)
            {
                return _policy ?? "default";
            }
        }
    }

    /// <summary>Sets glibc's mmap and trim thresholds unless the user chose a malloc policy; safe to call more than once.</summary>
    public static void Configure()
    {
        lock (Gate)
        {
            if (_policy is not null)
            {
                return;
            }

            if (UserChosePolicy())
            {
                _policy = "user";
                return;
            }

            if (!OperatingSystem.IsLinux())
            {
                _policy = "default";
                return;
            }

            try
            {
                // mallopt returns 1 on success; a C library without it (not glibc) leaves the defaults.
                var applied = SetOption(MmapThresholdOption, MmapThresholdBytes) == 1 && SetOption(TrimThresholdOption, TrimThresholdBytes) == 1;
                _policy = applied ? $"mmap threshold {MmapThresholdBytes >> 20} MiB, trim threshold {TrimThresholdBytes >> 20} MiB" : "default";
            }
            catch (EntryPointNotFoundException)
            {
                _policy = "default";
            }
        }
    }

    private static bool UserChosePolicy() =>
        (Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("glibc.malloc.", StringComparison.Ordinal) ?? false)
        || Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is not null
        || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int SetOption(int option, int value);
}
