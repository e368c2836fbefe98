using System.Text.RegularExpressions;

namespace HybridQsharp.Tests.Architecture;

/// <summary>Code and docs cite files that are in the repository (not reference material outside it).</summary>
public sealed partial class DocumentReferenceTests
{
    [Fact]
    public void EveryCitedRepositoryFileExists()
    {
        var sources = SourceTree.Files("*.cs").Concat(SourceTree.Files("*.qs")).Concat(SourceTree.Files("*.mjs")).Concat(SourceTree.Files("*.md"));
        var missing = new List<string>();
        foreach (var file in sources)
        {
            foreach (Match match in Cited().Matches(File.ReadAllText(file)))
            {
                var cited = match.Groups["path"].Value;
                if (!File.Exists(Path.Combine(SourceTree.Root, cited)))
                {
                    missing.Add($"{SourceTree.Relative(file)} cites {cited}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void NothingCitesReferenceMaterialOutsideTheRepository()
    {
        // Spelled in pieces so this file does not cite them itself.
        string[] forbidden = ["paper-" + "protocol.md", "shared/" + "reference", "../" + "shared"];
        var outside = SourceTree.Files("*.cs").Concat(SourceTree.Files("*.qs")).Concat(SourceTree.Files("*.md"))
            .Where(f => forbidden.Any(text => File.ReadAllText(f).Contains(text, StringComparison.Ordinal)))
            .Select(SourceTree.Relative)
            .ToList();

        Assert.True(outside.Count == 0, string.Join("\n", outside));
    }

    [GeneratedRegex(@"(?<![\w/.-])(?<path>docs/[\w.-]+\.md)")]
    private static partial Regex Cited();
}
