using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace HybridQsharp.Quantum.Qsharp;

/// <summary>Where the Q# toolchain lives and how the host talks to it.</summary>
public sealed class QsharpRuntimeOptions
{
    public const string Section = "Qsharp";

    /// <summary>The Node.js executable (a name on PATH or a full path).</summary>
    [Required]
    public string NodePath { get; set; } = "node";

    /// <summary>
    /// The folder holding package.json, node_modules/qsharp-lang and runtime/server.mjs.
    /// Empty: the build's quantum/ folder.
    /// </summary>
    public string? RuntimeDirectory { get; set; }

    /// <summary>The longest a single request may take before the process is abandoned.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest Node may take to load the Q# compiler and say it is ready.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The runtime folder to use: the configured one, else the one this assembly was built from.</summary>
    public string ResolveRuntimeDirectory()
    {
        if (!string.IsNullOrWhiteSpace(RuntimeDirectory))
        {
            return Path.GetFullPath(RuntimeDirectory);
        }

        var built = typeof(QsharpRuntimeOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "HybridQsharp.QuantumDirectory")?.Value;
        return built ?? throw new QsharpRuntimeUnavailableException(
            "The Q# runtime folder is unknown: set Qsharp:RuntimeDirectory to the folder holding runtime/server.mjs.");
    }
}
