using System.Runtime.InteropServices;
using HybridQsharp.Classical.Torch;

namespace HybridQsharp.Tests.Classical;

public sealed class TorchThreadingTests
{
    /// <summary>libgomp reads the C library's environment, not .NET's copy: the spin count must be in the former.</summary>
    [SkippableFact]
    public void TheSpinCountReachesTheNativeEnvironmentLibgompReads()
    {
        TorchNativeLibrary.EnsureLoaded();
        Skip.If(TorchThreading.WaitPolicy.StartsWith("user", StringComparison.Ordinal), "the user chose an OpenMP wait policy, which is left alone");

        Assert.Equal($"spin {TorchThreading.DefaultSpinCount} iterations, then sleep", TorchThreading.WaitPolicy);
        Assert.Equal(TorchThreading.DefaultSpinCount, Marshal.PtrToStringUTF8(GetEnvironment(TorchThreading.SpinCountVariable)));
        Assert.Equal(IntPtr.Zero, GetEnvironment(TorchThreading.WaitPolicyVariable));
    }

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
