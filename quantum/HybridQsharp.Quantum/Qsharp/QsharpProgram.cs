using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace HybridQsharp.Quantum.Qsharp;

/// <summary>A set of Q# sources compiled together, identified by a hash of their names and texts.</summary>
public sealed class QsharpProgram
{
    private const string EmbeddedPrefix = "qsharp/src/";

    public QsharpProgram(IReadOnlyList<QsharpSource> sources)
    {
        if (sources.Count == 0)
        {
            throw new ArgumentException("A Q# program needs at least one source file.", nameof(sources));
        }

        Sources = sources;
        ContentHash = HashOf(sources);
    }

    public IReadOnlyList<QsharpSource> Sources { get; }

    /// <summary>SHA-256 over every source's name and text, hex: the key under which lifted tapes are cached.</summary>
    public string ContentHash { get; }

    /// <summary>The project's own circuits (quantum/src), embedded in this assembly at build time.</summary>
    public static QsharpProgram BuiltIn(bool includeTests = false)
    {
        var assembly = typeof(QsharpProgram).Assembly;
        var sources = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
            .Where(name => includeTests || !name.StartsWith(EmbeddedPrefix + "Tests/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new QsharpSource("src/" + name[EmbeddedPrefix.Length..], ReadResource(assembly, name)))
            .ToList();
        return new QsharpProgram(sources);
    }

    /// <summary>Every .qs file under <paramref name="directory"/> (recursively), named relative to it.</summary>
    public static QsharpProgram FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new QsharpProgramException($"Q# source directory not found: {directory}");
        }

        var files = Directory.EnumerateFiles(directory, "*.qs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new QsharpProgramException($"No .qs files in {directory}");
        }

        return new QsharpProgram(files.Select(f => new QsharpSource(Path.GetRelativePath(directory, f), File.ReadAllText(f))).ToList());
    }

    /// <summary>The given .qs files, named by the paths as given.</summary>
    public static QsharpProgram FromFiles(IEnumerable<string> paths)
    {
        var sources = new List<QsharpSource>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new QsharpProgramException($"Q# source file not found: {path}");
            }

            sources.Add(new QsharpSource(path, File.ReadAllText(path)));
        }

        return new QsharpProgram(sources);
    }

    /// <summary>This program with more sources compiled beside it (e.g. a user's file next to the built-in library).</summary>
    public QsharpProgram With(IEnumerable<QsharpSource> more) => new([.. Sources, .. more]);

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string HashOf(IReadOnlyList<QsharpSource> sources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(source.Name));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(source.Text));
            sha.AppendData([0]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
