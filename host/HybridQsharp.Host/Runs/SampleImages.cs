namespace HybridQsharp.Host.Runs;

/// <summary>A few raw images of a split (uint8, N × C × H × W) with their labels, for figures.</summary>
public sealed record SampleImages(byte[] Pixels, int Count, int Channels, int Height, int Width, int[] Labels);
