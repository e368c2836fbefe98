using System.Reflection;

namespace HybridQsharp.Host.Sweeps;

/// <summary>How to start this same hybridq again: its apphost, or `dotnet hybridq.dll` when it was started that way.</summary>
public static class HybridqExecutable
{
    /// <summary>The executable and the arguments that come before the verb.</summary>
    public static IReadOnlyList<string> Command()
    {
        var process = Environment.ProcessPath ?? throw new SweepException("this process does not know its own executable; cannot start sweep cells");
        if (!string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return [process];
        }

        var assembly = Assembly.GetEntryAssembly()?.Location;
        return string.IsNullOrEmpty(assembly)
            ? throw new SweepException("hybridq runs under dotnet but its assembly path is unknown; cannot start sweep cells")
            : [process, assembly];
    }

    /// <summary>The arguments of <c>hybridq sweep run-cell</c> for a sweep folder (the cell id is added per cell).</summary>
    public static IReadOnlyList<string> RunCellArguments(SweepFolder folder, IReadOnlyList<string> settings) =>
        ["sweep", "run-cell", "--sweep", folder.Path, .. settings.SelectMany(s => new[] { "--set", s })];
}
