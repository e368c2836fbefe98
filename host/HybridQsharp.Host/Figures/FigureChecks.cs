namespace HybridQsharp.Host.Figures;

/// <summary>Input checks whose messages name the figure and the offending value.</summary>
internal static class FigureChecks
{
    public static void Fraction(double value, string figure, string what)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new FigureInputException($"{figure}: {what} is {value}; expected a fraction in [0, 1].");
        }
    }

    public static void NonNegative(double value, string figure, string what)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new FigureInputException($"{figure}: {what} is {value}; expected a finite value >= 0.");
        }
    }

    public static void Finite(double value, string figure, string what)
    {
        if (!double.IsFinite(value))
        {
            throw new FigureInputException($"{figure}: {what} is {value}; expected a finite value.");
        }
    }

    public static void NotEmpty<T>(IReadOnlyCollection<T> items, string figure, string what)
    {
        if (items.Count == 0)
        {
            throw new FigureInputException($"{figure}: no {what} to draw.");
        }
    }
}
