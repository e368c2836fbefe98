using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace HybridQsharp.Host.Benchmarks;

/// <summary>
/// The roofline a state-vector kernel can at best reach on this machine: one worker per core,
/// each streaming over its own state of 2ⁿ amplitudes (re and im read and written, as a gate
/// pass does) with the least arithmetic a pass can have (a phase rotation). A kernel's fraction
/// of it is the rate its passes would have at this speed divided by the rate it achieved.
/// </summary>
public static class StreamingRoofline
{
    /// <summary>
    /// Amplitudes per second over all cores, each core passing over its own 2^<paramref name="log2Amplitudes"/>-amplitude state; median of timed
    /// repeats.
    /// </summary>
    public static double AmplitudesPerSecond(int log2Amplitudes, TimeSpan budget)
    {
        var workers = Environment.ProcessorCount;
        var dimension = 1 << log2Amplitudes;
        var states = Enumerable.Range(0, workers).Select(_ => (Re: new double[dimension], Im: new double[dimension])).ToArray();
        foreach (var (re, im) in states)
        {
            re.AsSpan().Fill(Math.Sqrt(0.5 / dimension));
            im.AsSpan().Fill(Math.Sqrt(0.5 / dimension));
        }

        // Enough passes per timing that thread start-up is negligible: at least 2²⁴ amplitudes per worker.
        var passes = Math.Max(1, (1 << 24) / dimension);
        var rates = new List<double>();
        var total = Stopwatch.StartNew();
        while (rates.Count < 5 || (rates.Count < 50 && total.Elapsed < budget))
        {
            var start = Stopwatch.GetTimestamp();
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                for (var p = 0; p < passes; p++)
                {
                    Rotate(states[w].Re, states[w].Im);
                }
            });
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            rates.Add((double)workers * passes * dimension / seconds);
        }

        rates.Sort();
        return rates[rates.Count / 2];
    }

    private static void Rotate(double[] reArray, double[] imArray)
    {
        var re = MemoryMarshal.Cast<double, Vector<double>>(reArray.AsSpan());
        var im = MemoryMarshal.Cast<double, Vector<double>>(imArray.AsSpan());
        // A rotation by an angle whose cos² + sin² rounds to 1, so repeated passes keep the values finite and normal.
        var c = new Vector<double>(0.6);
        var s = new Vector<double>(0.8);
        for (var k = 0; k < re.Length; k++)
        {
            var (r, i) = (re[k], im[k]);
            re[k] = (c * r) - (s * i);
            im[k] = (c * i) + (s * r);
        }
    }
}
