using System.Globalization;

namespace HybridQsharp.Host.Sweeps.Executors;

/// <summary>
/// How much memory one cell needs, to refuse a --parallel that cannot fit. MNIST is measured (peak resident set
/// 400–790 MB from the quick preset to the paper's 50 epochs, docs/results.md); CIFAR-100 and STL-10 are estimated
/// from their data in memory (uint8) plus batch-64 activations and the larger networks, with room to spare.
/// </summary>
public static class CellMemoryEstimate
{
    private const double Gigabyte = 1024.0 * 1024 * 1024;

    private static readonly Dictionary<string, double> ByDataset = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mnist"] = 1.0,
        ["cifar100"] = 2.5,
        ["stl10"] = 4.0,
    };

    /// <summary>A dataset this table does not know (one added by a library).</summary>
    public const double UnknownDatasetGigabytes = 2.0;

    /// <summary>The estimate in GB for a cell on <paramref name="dataset"/>.</summary>
    public static double Gigabytes(string dataset) => ByDataset.GetValueOrDefault(dataset, UnknownDatasetGigabytes);

    /// <summary>MemAvailable of /proc/meminfo in GB, or null where it cannot be read.</summary>
    public static double? AvailableGigabytes()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
            return line is null
                ? null
                : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024 / Gigabyte;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Why <paramref name="parallel"/> cells of the largest of <paramref name="datasets"/> do not fit in
    /// <paramref name="availableGigabytes"/>, or null when they do (or the memory is unknown).
    /// </summary>
    public static string? Refusal(int parallel, IEnumerable<string> datasets, double? perCellGigabytes, double? availableGigabytes)
    {
        var keys = datasets.Distinct().ToList();
        if (availableGigabytes is not { } available || keys.Count == 0)
        {
            return null;
        }

        var largest = keys.MaxBy(Gigabytes)!;
        var perCell = perCellGigabytes ?? Gigabytes(largest);
        var fits = (int)Math.Floor(available / perCell);
        if (parallel * perCell <= available)
        {
            return null;
        }

        var advice = fits >= 1 ? $"use --parallel {fits} or fewer" : "free memory first";
        return string.Create(CultureInfo.InvariantCulture,
            $"--parallel {parallel} needs about {parallel} × {perCell:F1} GB for {largest} cells, but {available:F1} GB of memory is available; "
            + $"{advice} (or state a cell's need with --cell-memory GB)");
    }
}
