namespace HybridQsharp.Host.Figures;

/// <summary>A curve's value at one epoch over seeds: the mean and a band [Lower, Upper] (equal to the mean for one seed), as fractions.</summary>
public sealed record EpochBand(int Epoch, double Mean, double Lower, double Upper, int Count);
