namespace HybridQsharp.Host.Numerics;

/// <summary>Settings of the exact t-SNE embedding (van der Maaten and Hinton, 2008; their reference defaults).</summary>
public sealed record TsneOptions
{
    public double Perplexity { get; init; } = 30;

    public int Iterations { get; init; } = 1000;

    /// <summary>
    /// Null: max(N / (4 * exaggeration), 50), the rule of Belkina et al. (2019); the classic fixed 200
    /// makes small sets (a few hundred points) oscillate during early exaggeration and come out smeared.
    /// </summary>
    public double? LearningRate { get; init; }

    public double EffectiveLearningRate(int points) => LearningRate ?? Math.Max(points / (4 * EarlyExaggeration), 50);

    public double EarlyExaggeration { get; init; } = 12;

    /// <summary>Iterations with exaggerated affinities and the low (0.5) momentum; 0.8 afterwards.</summary>
    public int ExaggerationIterations { get; init; } = 250;

    public int Seed { get; init; }

    /// <summary>Exact t-SNE costs O(N²) memory and time per iteration; larger sets are subsampled before embedding.</summary>
    public int MaxPoints { get; init; } = 1000;

    public void Validate()
    {
        if (!(Perplexity >= 2) || Iterations < 1 || LearningRate is <= 0 or double.NaN || !(EarlyExaggeration >= 1)
            || ExaggerationIterations < 0 || MaxPoints < 10)
        {
            throw new NumericsInputException(
                $"Invalid t-SNE settings: perplexity {Perplexity} (>= 2), iterations {Iterations} (>= 1), learning rate {LearningRate} (> 0), " +
                $"exaggeration {EarlyExaggeration} (>= 1) for {ExaggerationIterations} iterations (>= 0), max points {MaxPoints} (>= 10).");
        }
    }
}
