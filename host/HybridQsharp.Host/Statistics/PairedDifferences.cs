namespace HybridQsharp.Host.Statistics;

/// <summary>Paired per-seed differences and the paired t-test (Student 1908), with Cohen's d<sub>z</sub>.</summary>
public static class PairedDifferences
{
    /// <summary>
    /// first[seed] − second[seed] over the seeds both have; a seed present on one side only is listed, not paired.
    /// Fewer than two pairs, or differences that are all equal (sd 0), leave the test and effect size null with a note.
    /// </summary>
    public static PairedComparison Compare(IReadOnlyDictionary<int, double> first, IReadOnlyDictionary<int, double> second,
        double level = SampleStatistics.DefaultLevel)
    {
        var seeds = first.Keys.Intersect(second.Keys).Order().ToArray();
        var onlyFirst = first.Keys.Except(second.Keys).Order().ToArray();
        var onlySecond = second.Keys.Except(first.Keys).Order().ToArray();
        var differences = seeds.Select(s => first[s] - second[s]).ToArray();
        var notes = new List<string>();
        if (onlyFirst.Length > 0 || onlySecond.Length > 0)
        {
            notes.Add($"paired over {seeds.Length} common seed(s); unpaired seeds left out: "
                + string.Join(", ", onlyFirst.Select(s => $"{s} (first only)").Concat(onlySecond.Select(s => $"{s} (second only)"))));
        }

        if (seeds.Length == 0)
        {
            notes.Add("no seed has both values: nothing to compare");
            return new PairedComparison(seeds, onlyFirst, onlySecond, differences, null, null, null, null, notes);
        }

        var summary = SampleStatistics.Summarize(differences, level);
        notes.AddRange(summary.Notes);
        if (summary.StandardDeviation is not { } deviation)
        {
            notes.Add("one pair: no paired t-test");
            return new PairedComparison(seeds, onlyFirst, onlySecond, differences, summary, null, null, null, notes);
        }

        if (deviation == 0)
        {
            notes.Add("every pair differs by the same amount (sd 0): the t statistic and d_z are undefined");
            return new PairedComparison(seeds, onlyFirst, onlySecond, differences, summary, null, null, null, notes);
        }

        var t = summary.Mean / (deviation / Math.Sqrt(seeds.Length));
        var p = SampleStatistics.TwoSidedPValue(t, seeds.Length - 1);
        return new PairedComparison(seeds, onlyFirst, onlySecond, differences, summary, t, p, summary.Mean / deviation, notes);
    }
}
