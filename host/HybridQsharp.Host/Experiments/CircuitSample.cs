namespace HybridQsharp.Host.Experiments;

/// <summary>One test image's quantum part: the bound circuit arguments (features, weights) and its label.</summary>
public sealed record CircuitSample(int Index, int Label, double[] Features, double[] Weights)
{
    public double[][] Arguments => [Features, Weights];

    public double[] Parameters => [.. Features, .. Weights];
}
