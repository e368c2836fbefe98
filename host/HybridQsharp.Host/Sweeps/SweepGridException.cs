namespace HybridQsharp.Host.Sweeps;

/// <summary>A grid that cannot become cells: one line per problem, each naming the key (and the file when there is one).</summary>
public sealed class SweepGridException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
