namespace HybridQsharp.Quantum.Circuits;

/// <summary>
/// The interval [<see cref="Min"/>, <see cref="Max"/>] a circuit parameter takes in training;
/// a lift is verified at points drawn uniformly from it.
/// </summary>
public readonly record struct ParameterRange
{
    public ParameterRange(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
        {
            throw new ArgumentException($"A parameter range needs finite min < max, got [{min}, {max}].");
        }

        Min = min;
        Max = max;
    }

    public double Min { get; }

    public double Max { get; }

    /// <summary>[-π, π]: angle-encoded features, and features of a shape that declares no range.</summary>
    public static ParameterRange SymmetricAngles { get; } = new(-Math.PI, Math.PI);

    /// <summary>[0, π]: the RY-tree angles of amplitude encoding.</summary>
    public static ParameterRange TreeAngles { get; } = new(0, Math.PI);

    /// <summary>[0, 2π]: weights, initialised uniformly there (training may move them out of it).</summary>
    public static ParameterRange Weights { get; } = new(0, 2 * Math.PI);

    public double Width => Max - Min;

    public double Draw(Random random) => Min + (random.NextDouble() * Width);

    public override string ToString() => $"[{Min:G6}, {Max:G6}]";
}
