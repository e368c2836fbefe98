using System.Diagnostics;
using HybridQsharp.Classical.Data;
using HybridQsharp.Host.Runs;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Experiments;

/// <summary>Loads a dataset once (uint8 in memory), splits it as the paper does and wraps each split as a batch stream.</summary>
public sealed class ExperimentDataLoader(ILogger<ExperimentDataLoader> logger, ILoggerFactory loggerFactory)
{
    private const int SamplesPerSplit = 16;

    public ExperimentData Load(ExperimentSettings settings, ExperimentPlan plan, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dataset = settings.Dataset;
        var folder = dataset.ResolveFolder(settings.DataDirectory);
        if (!dataset.HasOfficialFiles(folder) && dataset.Archive is { } archive)
        {
            logger.LogInformation("{Dataset} files are not in {Folder}: downloading the official archive {Url}", dataset.DisplayName, folder,
                archive.Url);
            using var http = new HttpClient { Timeout = TimeSpan.FromHours(2) };
            folder = new DatasetDownload(http, loggerFactory.CreateLogger<DatasetDownload>()).FetchAsync(archive, folder, cancellationToken)
                .GetAwaiter().GetResult();
        }

        var watch = Stopwatch.StartNew();
        var (train, test) = dataset.LoadOfficial(folder);
        var splits = DatasetSplits.Create(dataset.SplitPolicy, train, test, settings.Seed, plan.TrainLimit, plan.ValidationLimit, plan.TestLimit);
        logger.LogInformation("{Dataset} from {Folder}: {Train:N0} train, {Validation:N0} validation, {Test:N0} test images ({Ms:F0} ms)",
            dataset.DisplayName, folder, splits.Train.Count, splits.Validation.Count, splits.Test.Count, watch.Elapsed.TotalMilliseconds);
        if (plan.TrainLimit is { } limit && limit > splits.Train.Count)
        {
            logger.LogWarning("--limit {Limit:N0} exceeds the {Available:N0} training images of the split; all {Available:N0} are used", limit,
                splits.Train.Count, splits.Train.Count);
        }

        // The paper augments train and validation alike; the test split is only normalised.
        return new ExperimentData(
            dataset,
            new ImageBatchStream(splits.Train, dataset.Normalization, dataset.Augmentation, shuffle: true, settings.Seed),
            new ImageBatchStream(splits.Validation, dataset.Normalization, dataset.Augmentation, shuffle: false, settings.Seed + 1),
            new ImageBatchStream(splits.Test, dataset.Normalization, ImageAugmentation.None, shuffle: false, settings.Seed + 2),
            splits.Train.ClassNames,
            new Dictionary<string, int[]> { ["train"] = splits.Train.ClassCounts(), ["validation"] = splits.Validation.ClassCounts(),
                ["test"] = splits.Test.ClassCounts() },
            new Dictionary<string, SampleImages> { ["train"] = Samples(splits.Train), ["validation"] = Samples(splits.Validation),
                ["test"] = Samples(splits.Test) });
    }

    private static SampleImages Samples(ImageSet set)
    {
        var subset = set.Subset(Enumerable.Range(0, Math.Min(SamplesPerSplit, set.Count)).ToArray());
        return new SampleImages(subset.Pixels, subset.Count, subset.Channels, subset.Height, subset.Width,
            subset.Labels.Select(l => (int)l).ToArray());
    }
}
