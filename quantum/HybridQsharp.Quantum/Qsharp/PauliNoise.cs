namespace HybridQsharp.Quantum.Qsharp;

/// <summary>Probabilities of an X, Y or Z error after each gate, as the Q# simulator applies them.</summary>
public readonly record struct PauliNoise(double X, double Y, double Z)
{
    /// <summary>Depolarising noise of total error probability <paramref name="p"/>: p/3 for each Pauli.</summary>
    public static PauliNoise Depolarizing(double p)
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A noise probability lies in [0, 1].");
        }

        return new PauliNoise(p / 3, p / 3, p / 3);
    }
}
