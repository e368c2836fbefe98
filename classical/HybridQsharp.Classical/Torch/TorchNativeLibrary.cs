using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace HybridQsharp.Classical.Torch;

/// <summary>
/// Loads TorchSharp's native glue before the first torch call, and on machines whose libstdc++
/// is older than the one it was linked against, loads a patched copy instead of failing.
/// </summary>
/// <remarks>
/// Loading native code is process-wide by nature, so the "already done" flag is process-wide
/// too. The NuGet cache and the build output are never modified: the patched copy lives in the
/// user's local data folder, keyed by the original's hash.
/// </remarks>
public static partial class TorchNativeLibrary
{
    private const string GlueName = "LibTorchSharp";
    private static readonly Lock Gate = new();
    private static bool _loaded;

    /// <summary>Makes TorchSharp loadable; cheap after the first call.</summary>
    /// <exception cref="TorchUnavailableException">The natives are missing or cannot load.</exception>
    public static void EnsureLoaded(ILogger? logger = null)
    {
        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }
            // libgomp reads its wait policy when libtorch loads, so it is set first.
            TorchThreading.Configure();
            NativeHeap.Configure();
            LoadGlue(logger);
            _loaded = true;
        }
    }

    private static void LoadGlue(ILogger? logger)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // TorchSharp's own loader handles other platforms.
        }

        var original = FindGlue();
        string failure;
        try
        {
            NativeLibrary.Load(original);
            return;
        }
        catch (DllNotFoundException e)
        {
            failure = e.Message;
        }

        var missing = MissingVersion().Matches(failure).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (missing.Count == 0 || missing.Any(v => !v.StartsWith("GLIBCXX_", StringComparison.Ordinal)))
        {
            throw new TorchUnavailableException($"TorchSharp's native library {original} does not load: {failure}");
        }

        var patched = PatchedCopy(original, missing);
        logger?.LogInformation(
            "This machine's libstdc++ lacks {Versions}, which TorchSharp's glue names only as a link anchor; " +
            "loading a copy that marks it optional ({Path})",
            string.Join(", ", missing), patched);
        var directory = Path.GetDirectoryName(original)!;
        // The copy sits elsewhere, so its $ORIGIN run path cannot find libtorch; load the
        // dependencies by path first and the dynamic linker matches them by soname.
        foreach (var dependency in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
        {
            var path = Path.Combine(directory, dependency);
            if (File.Exists(path))
            {
                NativeLibrary.Load(path);
            }
        }
        IntPtr handle;
        try
        {
            handle = NativeLibrary.Load(patched);
        }
        catch (DllNotFoundException e)
        {
            throw new TorchUnavailableException(
                $"TorchSharp's native library does not load even with {string.Join(", ", missing)} made optional: {e.Message}");
        }
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly,
            (name, _, _) => name == GlueName ? handle : IntPtr.Zero);
    }

    private static string FindGlue()
    {
        var directory = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? AppContext.BaseDirectory;
        var candidates = new[]
        {
            Path.Combine(directory, "libLibTorchSharp.so"),
            Path.Combine(directory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new TorchUnavailableException(
                $"TorchSharp's native library libLibTorchSharp.so is not next to TorchSharp.dll ({directory}); " +
                $"restore the TorchSharp-cpu package (dotnet restore)");
    }

    private static string PatchedCopy(string original, IReadOnlyList<string> versions)
    {
        var image = File.ReadAllBytes(original);
        var hash = Convert.ToHexStringLower(SHA256.HashData(image))[..16];
        var folder = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "HybridQsharp", "torchsharp-natives", $"{hash}-{string.Join('-', versions)}");
        var target = Path.Combine(folder, "libLibTorchSharp.so");
        if (File.Exists(target))
        {
            return target;
        }

        foreach (var version in versions)
        {
            var outcome = ElfVersionNeedPatch.Apply(image, version);
            if (!outcome.VersionFound)
            {
                throw new TorchUnavailableException($"{original} does not list {version} among its version needs; cannot patch it");
            }
        }
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, image);
        File.Move(temp, target, overwrite: true);
        return target;
    }

    [GeneratedRegex(@"version [`']([A-Za-z0-9_.]+)' not found")]
    private static partial Regex MissingVersion();
}
