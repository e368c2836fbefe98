using System.Text.RegularExpressions;

namespace HybridQsharp.Tests.Architecture;

/// <summary>
/// The layout shows the architecture: host → classical → quantum, one way, and no cycles between
/// namespaces, so each namespace can be read (and replaced) with only what it depends on.
/// </summary>
public sealed partial class NamespaceDependencyTests
{
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Graph = new(Build);

    [Fact]
    public void NoNamespaceDependsOnItselfThroughOthers()
    {
        var cycles = StronglyConnected(Graph.Value).Where(c => c.Count > 1).ToList();

        Assert.True(cycles.Count == 0, "namespace cycles: " + string.Join("; ", cycles.Select(c => string.Join(" ⇄ ", c.Order()))));
    }

    [Theory]
    [InlineData("HybridQsharp.Quantum", "HybridQsharp.Classical")]
    [InlineData("HybridQsharp.Quantum", "HybridQsharp.Host")]
    [InlineData("HybridQsharp.Classical", "HybridQsharp.Host")]
    public void LowerLayersDoNotReachUp(string lower, string upper)
    {
        var offending = Graph.Value.Where(kv => kv.Key.StartsWith(lower, StringComparison.Ordinal))
            .SelectMany(kv => kv.Value.Where(d => d.StartsWith(upper, StringComparison.Ordinal)).Select(d => $"{kv.Key} → {d}"))
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void TheGraphSeesTheWholeTree()
    {
        // A guard against a scan that silently finds nothing.
        Assert.Contains("HybridQsharp.Host.Experiments", Graph.Value.Keys);
        Assert.Contains("HybridQsharp.Quantum.Tapes", Graph.Value["HybridQsharp.Quantum.Simulation"]);
    }

    // An edge for every `using HybridQsharp...;` and every fully qualified HybridQsharp.X.Y name in code.
    private static Dictionary<string, HashSet<string>> Build()
    {
        var files = SourceTree.LibrarySources.Select(f => (Text: File.ReadAllText(f), Path: f)).ToList();
        var namespaces = files.Select(f => SourceTree.NamespaceOf(f.Text)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var graph = namespaces.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var (text, _) in files)
        {
            if (SourceTree.NamespaceOf(text) is not { } self)
            {
                continue;
            }

            foreach (Match match in Reference().Matches(text))
            {
                var name = match.Value;
                while (!namespaces.Contains(name) && name.Contains('.', StringComparison.Ordinal))
                {
                    name = name[..name.LastIndexOf('.')];
                }

                if (namespaces.Contains(name) && name != self && !self.StartsWith(name + ".", StringComparison.Ordinal))
                {
                    graph[self].Add(name);
                }
            }
        }

        return graph;
    }

    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                result.Add(component);
            }
        }

        foreach (var v in graph.Keys.Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return result;
    }

    [GeneratedRegex(@"(?<![\w.])HybridQsharp(\.[A-Za-z_]\w*)+")]
    private static partial Regex Reference();
}
