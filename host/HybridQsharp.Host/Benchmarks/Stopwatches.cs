using System.Diagnostics;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>Repeated timings with a median: the machines are shared and noisy, a single run says little.</summary>
public static class Stopwatches
{
    /// <summary>
    /// Warms up, then runs <paramref name="action"/> at least <paramref name="minRuns"/> times and until <paramref name="budget"/> is spent (at most
    /// <paramref name="maxRuns"/>); the median in milliseconds.
    /// </summary>
    public static async Task<double> MedianMillisecondsAsync(Func<Task> action, int minRuns, int maxRuns, TimeSpan budget,
        CancellationToken cancellationToken)
    {
        // Untimed warm-up, so tiered JIT and caches are in their steady state before timing starts.
        var warmUp = Stopwatch.StartNew();
        do
        {
            await action();
        }
        while (warmUp.Elapsed < budget / 10);

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < minRuns || (times.Count < maxRuns && total.Elapsed < budget))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var one = Stopwatch.StartNew();
            await action();
            times.Add(one.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
    }
}
