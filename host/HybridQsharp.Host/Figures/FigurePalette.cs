using OxyPlot;

namespace HybridQsharp.Host.Figures;

/// <summary>Colours shared by all figures, so a model or class has the same colour everywhere.</summary>
public static class FigurePalette
{
    // Tableau 10: distinguishable, and safe for the common colour-vision deficiencies.
    private static readonly OxyColor[] Categorical =
    [
        OxyColor.FromRgb(31, 119, 180), OxyColor.FromRgb(255, 127, 14), OxyColor.FromRgb(44, 160, 44),
        OxyColor.FromRgb(214, 39, 40), OxyColor.FromRgb(148, 103, 189), OxyColor.FromRgb(140, 86, 75),
        OxyColor.FromRgb(227, 119, 194), OxyColor.FromRgb(127, 127, 127), OxyColor.FromRgb(188, 189, 34),
        OxyColor.FromRgb(23, 190, 207),
    ];

    public static OxyColor Wrong { get; } = OxyColor.FromRgb(214, 39, 40);

    public static OxyColor Right { get; } = OxyColor.FromRgb(30, 30, 30);

    /// <summary>Colour of series <paramref name="index"/>; beyond ten, hues spread evenly around the wheel.</summary>
    public static OxyColor Series(int index, int count)
    {
        if (count <= Categorical.Length)
        {
            return Categorical[index % Categorical.Length];
        }

        // Alternating lightness keeps neighbouring hues of a 100-class palette apart.
        var hue = (index * 0.618033988749895) % 1.0;
        return OxyColor.FromHsv(hue, 0.75, index % 2 == 0 ? 0.85 : 0.6);
    }
}
