using System.Globalization;

namespace HybridQsharp.Quantum.Memory;

/// <summary>How many bytes a run may use (the .NET process and its Node process together).</summary>
public readonly record struct MemoryBudget(long Bytes)
{
    /// <summary>The share of the machine's (or container's) memory a run takes by default.</summary>
    public const double DefaultFraction = 0.6;

    /// <summary><see cref="DefaultFraction"/> of the memory available to this process (physical memory, or the container's limit).</summary>
    public static MemoryBudget Default => new((long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * DefaultFraction));

    public static MemoryBudget FromMegabytes(long megabytes) => new(megabytes * 1024 * 1024);

    public override string ToString() => Format(Bytes);

    /// <summary>Bytes as a short human figure: 512 MB, 3.2 GB, 8.8 PB.</summary>
    public static string Format(double bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(bytes < 10 && unit > 0 ? Math.Round(bytes, 1) : Math.Round(bytes))} {units[unit]}");
    }
}
