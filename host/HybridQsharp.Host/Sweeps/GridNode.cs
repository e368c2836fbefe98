namespace HybridQsharp.Host.Sweeps;

/// <summary>A grid file's value, whether it came from JSON or YAML: a scalar (as text), a list or a mapping.</summary>
public abstract record GridNode
{
    /// <summary>What the node is, for messages ("a list", "a mapping", "'abc'").</summary>
    public abstract string Describe();
}

/// <summary>A scalar as written in the file (numbers keep their text).</summary>
public sealed record GridScalar(string Text) : GridNode
{
    public override string Describe() => $"'{Text}'";
}

public sealed record GridList(IReadOnlyList<GridNode> Items) : GridNode
{
    public override string Describe() => "a list";
}

/// <summary>A mapping, its keys in file order.</summary>
public sealed record GridMapping(IReadOnlyList<KeyValuePair<string, GridNode>> Entries) : GridNode
{
    public override string Describe() => "a mapping";
}
