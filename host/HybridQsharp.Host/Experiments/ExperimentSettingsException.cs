namespace HybridQsharp.Host.Experiments;

/// <summary>Experiment settings that do not parse (e.g. those a run folder's config.json was written with).</summary>
public sealed class ExperimentSettingsException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
