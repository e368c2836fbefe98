using HybridQsharp.Classical.Data;

namespace HybridQsharp.Host.Runs;

/// <summary>A dataset's three splits as batch streams, with what reports need to describe them.</summary>
public sealed record ExperimentData(
    DatasetDefinition Dataset,
    IBatchStream Train,
    IBatchStream Validation,
    IBatchStream Test,
    IReadOnlyList<string> ClassNames,
    IReadOnlyDictionary<string, int[]> ClassCounts,
    IReadOnlyDictionary<string, SampleImages> Samples);
