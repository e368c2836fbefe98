namespace HybridQsharp.Classical.Data;

/// <summary>
/// A tiny, fast, seedable generator (SplitMix64). Each image gets its own stream derived from
/// (seed, epoch, image index), so augmentation is reproducible whatever the thread schedule.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public static SplitMix64 For(int seed, int epoch, int index)
    {
        var mixer = new SplitMix64(((ulong)(uint)seed << 32) ^ ((ulong)(uint)epoch << 20) ^ 0x9E3779B97F4A7C15UL);
        var s = mixer.Next() ^ (ulong)(uint)index;
        return new SplitMix64(s);
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int NextInt(int n) => (int)(NextDouble() * n);
}
