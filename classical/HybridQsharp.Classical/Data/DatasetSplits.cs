namespace HybridQsharp.Classical.Data;

/// <summary>
/// The paper's splits. MNIST and CIFAR-100: a seeded random 80/20 split of the official train
/// set into train and validation, the official test set as test. STL-10: 80 % of the 5,000
/// labelled train images for training, the official test split as validation and again as test.
/// Optional limits take seeded random subsets (for quick runs).
/// </summary>
public sealed record DatasetSplits(ImageSet Train, ImageSet Validation, ImageSet Test)
{
    public const double TrainFraction = 0.8;

    public static DatasetSplits Create(SplitPolicy policy, ImageSet officialTrain, ImageSet officialTest, int seed,
        int? trainLimit = null, int? validationLimit = null, int? testLimit = null)
    {
        var order = Enumerable.Range(0, officialTrain.Count).ToArray();
        new Random(seed).Shuffle(order);
        var trainCount = (int)Math.Round(officialTrain.Count * TrainFraction);
        var trainIndices = order[..trainCount];
        ImageSet validation;
        if (policy == SplitPolicy.TestAsValidation)
        {
            validation = Limit(officialTest, validationLimit, seed + 1);
        }
        else
        {
            var rest = order[trainCount..];
            validation = officialTrain.Subset(validationLimit is { } v && v < rest.Length ? rest[..v] : rest);
        }

        var train = officialTrain.Subset(trainLimit is { } t && t < trainIndices.Length ? trainIndices[..t] : trainIndices);
        var splits = new DatasetSplits(train, validation, Limit(officialTest, testLimit, seed + 2));
        foreach (var (name, split) in new[] { ("train", splits.Train), ("validation", splits.Validation), ("test", splits.Test) })
        {
            if (split.Count == 0)
            {
                throw new DatasetFormatException(
                    $"The {name} split is empty ({officialTrain.Count:N0} official train images, {officialTest.Count:N0} test images); " +
                    $"every split needs at least one image.");
            }
        }

        return splits;
    }

    private static ImageSet Limit(ImageSet set, int? limit, int seed)
    {
        if (limit is not { } n || n >= set.Count)
        {
            return set;
        }

        var order = Enumerable.Range(0, set.Count).ToArray();
        new Random(seed).Shuffle(order);
        return set.Subset(order[..n]);
    }
}
