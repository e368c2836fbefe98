using System.Runtime.InteropServices;

namespace HybridQsharp.Classical.Torch;

/// <summary>
/// How long libtorch's OpenMP threads spin between parallel regions before they sleep. libgomp's
/// default spins for about 300,000 iterations (milliseconds) after each region; in this process the
/// quantum simulator and the data pipeline run .NET threads between libtorch ops, and on a two-core
/// machine a spinning OpenMP thread takes the core they need, so step times swing by several times
/// from batch to batch. Not spinning at all (OMP_WAIT_POLICY=PASSIVE, this project's earlier
/// choice) costs a futex wake-up on every parallel op instead: 50-200 µs each, a third more time
/// on the paper's small convolution and pooling layers and twice the optimiser's time. A short spin,
/// <see cref="DefaultSpinCount"/> iterations (tens of microseconds), bridges the gap between one op
/// and the next while a thread that is not needed soon goes to sleep.
/// </summary>
/// <remarks>
/// libgomp reads its environment once, when libtorch is loaded, and .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach the native
/// environment on Unix, so <see cref="Configure"/> calls the C library's setenv and must run
/// before the first TorchSharp call (before <see cref="TorchNativeLibrary.EnsureLoaded"/>).
/// A policy the user set (OMP_WAIT_POLICY or GOMP_SPINCOUNT in the environment) is left alone.
/// </remarks>
public static class TorchThreading
{
    public const string WaitPolicyVariable = "OMP_WAIT_POLICY";
    public const string SpinCountVariable = "GOMP_SPINCOUNT";
    public const string DefaultSpinCount = "1000";

    private static readonly Lock Gate = new();
    private static string? _configured;

    /// <summary>The OpenMP wait policy libtorch runs with: the spin count set here, the user's choice, or "default".</summary>
    public static string WaitPolicy
    {
        get
        {
            lock (Gate)
            {
                return _configured ?? Environment.GetEnvironmentVariable(WaitPolicyVariable) ?? "default";
            }
        }
    }

    /// <summary>Sets libtorch's OpenMP spin count to <see cref="DefaultSpinCount"/> unless the user chose a policy.</summary>
    public static void Configure()
    {
        lock (Gate)
        {
            if (_configured is not null)
            {
                return;
            }

            var policy = Environment.GetEnvironmentVariable(WaitPolicyVariable);
            var spinCount = Environment.GetEnvironmentVariable(SpinCountVariable);
            if (policy is not null || spinCount is not null)
            {
                _configured = $"user: {WaitPolicyVariable}={policy ?? "unset"}, {SpinCountVariable}={spinCount ?? "unset"}";
                return;
            }

            if (!OperatingSystem.IsLinux() || SetEnvironment(Utf8(SpinCountVariable), Utf8(DefaultSpinCount), 1) != 0)
            {
                _configured = "default";
                return;
            }

            Environment.SetEnvironmentVariable(SpinCountVariable, DefaultSpinCount);
            _configured = $"spin {DefaultSpinCount} iterations, then sleep";
        }
    }

    private static byte[] Utf8(string text) => [.. System.Text.Encoding.UTF8.GetBytes(text), 0];

    // Null-terminated UTF-8 as byte arrays: blittable, so no marshalling code (and no unsafe) is needed.
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(byte[] name, byte[] value, int overwrite);
}
