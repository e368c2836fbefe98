namespace HybridQsharp.Host.Figures;

/// <summary>Feature vectors (one row per example) with their class indices into <see cref="ClassNames"/>.</summary>
public sealed record FeatureSet(double[][] Features, IReadOnlyList<int> Labels, IReadOnlyList<string> ClassNames)
{
    /// <summary>Throws <see cref="FigureInputException"/> on ragged rows, mismatched labels or non-finite values.</summary>
    public void Validate()
    {
        if (Features.Length < 3)
        {
            throw new FigureInputException($"A feature-space figure needs at least 3 examples; got {Features.Length}.");
        }

        if (Labels.Count != Features.Length)
        {
            throw new FigureInputException($"{Features.Length} feature vectors but {Labels.Count} labels.");
        }

        var width = Features[0].Length;
        for (var i = 0; i < Features.Length; i++)
        {
            if (Features[i].Length != width || width == 0)
            {
                throw new FigureInputException($"Feature vector {i} has {Features[i].Length} values; vector 0 has {width}.");
            }

            if (Features[i].Any(v => !double.IsFinite(v)))
            {
                throw new FigureInputException($"Feature vector {i} holds a non-finite value.");
            }

            if (Labels[i] < 0 || Labels[i] >= ClassNames.Count)
            {
                throw new FigureInputException($"Label {Labels[i]} of example {i} is outside the {ClassNames.Count} classes.");
            }
        }
    }
}
