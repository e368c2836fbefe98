using System.Runtime.InteropServices;
using HybridQsharp.Classical.Torch;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical;

public sealed class NativeHeapTests
{
    /// <summary>
    /// A 24 MB tensor, a large activation, must come from the heap, where a freed block is reused,
    /// not from a private mapping of its own, which is unmapped when freed and faulted in again on the
    /// next step. glibc's default threshold starts at 128 kB and only grows to the largest mapped block
    /// freed so far, so without <see cref="NativeHeap"/> this block is mapped.
    /// </summary>
    [SkippableFact]
    public void LargeTensorsComeFromTheHeapNotFromMappingsOfTheirOwn()
    {
        TorchNativeLibrary.EnsureLoaded();
        Skip.If(NativeHeap.Policy == "user", "the user chose a malloc policy (GLIBC_TUNABLES or MALLOC_*), which NativeHeap leaves alone");
        Assert.StartsWith("mmap threshold", NativeHeap.Policy);

        var mappedBefore = MappedBytes();
        using var activation = empty([6_000_000]); // 24 MB of float32
        var mappedWhileAlive = MappedBytes();

        Assert.True(mappedWhileAlive - mappedBefore < 4 << 20,
            $"the 24 MB tensor grew glibc's mapped memory by {(mappedWhileAlive - mappedBefore) >> 20} MiB: it was mapped, not taken from the heap");
    }

    private static long MappedBytes() => (long)MallocStatistics().MappedBytes;

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallocInfo MallocStatistics();

    // glibc's struct mallinfo2 (2.33 and later): ten size_t counters; hblkhd is the bytes in mapped blocks.
    [StructLayout(LayoutKind.Sequential)]
    private struct MallocInfo
    {
        public nuint Arena;
        public nuint OrdinaryBlocks;
        public nuint FastBlocks;
        public nuint MappedBlocks;
        public nuint MappedBytes;
        public nuint MaximumAllocated;
        public nuint FastFreeBytes;
        public nuint AllocatedBytes;
        public nuint FreeBytes;
        public nuint ReleasableBytes;
    }
}
