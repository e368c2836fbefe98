using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Circuits;

/// <summary>
/// What a classifier reads and measures for one register and depth, as its Q# shape function
/// declares: the feature and weight counts, the observables whose expectations are its
/// outputs, and the range its features take in training.
/// </summary>
public sealed record ClassifierShape
{
    public ClassifierShape(int featureCount, int weightCount, IReadOnlyList<PauliString> observables, ParameterRange featureRange)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegative(weightCount);
        if (observables.Count == 0)
        {
            throw new ArgumentException("A shape needs at least one observable.", nameof(observables));
        }

        FeatureCount = featureCount;
        WeightCount = weightCount;
        Observables = observables;
        FeatureRange = featureRange;
    }

    public int FeatureCount { get; }

    public int WeightCount { get; }

    public IReadOnlyList<PauliString> Observables { get; }

    public ParameterRange FeatureRange { get; }

    public bool Equals(ClassifierShape? other) =>
        other is not null && FeatureCount == other.FeatureCount && WeightCount == other.WeightCount
        && Observables.SequenceEqual(other.Observables) && FeatureRange == other.FeatureRange;

    public override int GetHashCode() => HashCode.Combine(FeatureCount, WeightCount, Observables.Count, FeatureRange);

    public override string ToString() =>
        $"{FeatureCount} features in {FeatureRange}, {WeightCount} weights, observables {string.Join(", ", Observables)}";
}
