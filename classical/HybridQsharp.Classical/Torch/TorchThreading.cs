using System.Runtime.InteropServices;

namespace HybridQsharp.Classical.Torch;

/// <summary>
/// How libtorch's OpenMP threads wait between parallel regions. By default libgomp spins for a
/// while after each region; in this process the quantum simulator and the data pipeline run .NET
/// pool threads between libtorch ops, and on a two-core machine a spinning OpenMP thread takes
/// the core they need (and the reverse), so step times swing by several times from batch to batch.
/// With the PASSIVE policy OpenMP threads sleep as soon as a region ends; waking them costs a
/// few microseconds per parallel op, much less than the lost time slices.
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
    public const string DefaultWaitPolicy = "PASSIVE";

    private static readonly Lock Gate = new();
    private static string? _configured;

    /// <summary>The OpenMP wait policy libtorch runs with, as configured here or by the user ("default" when neither).</summary>
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

    /// <summary>Sets libtorch's OpenMP wait policy to PASSIVE unless the user chose one; call before the first TorchSharp call.</summary>
    public static void Configure()
    {
        lock (Gate)
        {
            if (_configured is not null)
            {
                return;
            }

            var user = Environment.GetEnvironmentVariable(WaitPolicyVariable);
            if (user is not null || Environment.GetEnvironmentVariable(SpinCountVariable) is not null || !OperatingSystem.IsLinux())
            {
                _configured = user ?? "default";
                return;
            }

            if (SetEnvironment(Utf8(WaitPolicyVariable), Utf8(DefaultWaitPolicy), 1) != 0)
            {
                _configured = "default";
                return;
            }

            Environment.SetEnvironmentVariable(WaitPolicyVariable, DefaultWaitPolicy);
            _configured = DefaultWaitPolicy;
        }
    }

    private static byte[] Utf8(string text) => [.. System.Text.Encoding.UTF8.GetBytes(text), 0];

    // Null-terminated UTF-8 as byte arrays: blittable, so no marshalling code (and no unsafe) is needed.
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(byte[] name, byte[] value, int overwrite);
}
