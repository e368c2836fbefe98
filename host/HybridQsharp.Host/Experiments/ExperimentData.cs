using HybridQsharp.Classical.Training;

namespace HybridQsharp.Host.Experiments;

/// <summary>A dataset's three splits as batch streams, with what reports need to describe them.</summary>
public sealed record ExperimentData(
    string Dataset,
    IBatchStream Train,
    IBatchStream Validation,
    IBatchStream Test,
    IReadOnlyList<string> ClassNames,
    IReadOnlyDictionary<string, int[]> ClassCounts,
    IReadOnlyDictionary<string, SampleImages> Samples);

/// <summary>A few raw images of a split (uint8, N × C × H × W) with their labels, for figures.</summary>
public sealed record SampleImages(byte[] Pixels, int Count, int Channels, int Height, int Width, int[] Labels);
