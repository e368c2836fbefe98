using System.Globalization;

namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>Slurm's time notation for <c>--time</c>.</summary>
public static class SlurmTime
{
    /// <summary><c>days-hours:minutes:seconds</c>, e.g. 1.02:03:04 → <c>1-02:03:04</c>.</summary>
    public static string Format(TimeSpan time)
    {
        if (time < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "A Slurm time limit is not negative.");
        }

        var whole = TimeSpan.FromSeconds(Math.Ceiling(time.TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)whole.TotalDays}-{whole.Hours:00}:{whole.Minutes:00}:{whole.Seconds:00}");
    }
}
