using System.Text.RegularExpressions;

namespace HybridQsharp.Tests.Architecture;

/// <summary>The repository's own source files, found from the test binaries by walking up to the solution.</summary>
public static partial class SourceTree
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every C# source of the three libraries (not tests, not build output).</summary>
    public static IEnumerable<string> LibrarySources =>
        new[] { "quantum", "classical", "host" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f));

    public static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(Root, pattern, SearchOption.AllDirectories).Where(f => !IsBuildOutput(f));

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    /// <summary>The file-scoped namespace a C# file declares, or null.</summary>
    public static string? NamespaceOf(string text) => Namespace().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    private static bool IsBuildOutput(string path)
    {
        var parts = Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or "node_modules" or ".git");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HybridQsharp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No HybridQsharp.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
