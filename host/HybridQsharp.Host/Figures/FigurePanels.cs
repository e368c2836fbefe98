using OxyPlot;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// A figure made of one or more plots laid out in a grid under a common title.
/// With a single panel the panel's own title is the figure's title.
/// </summary>
public sealed record FigurePanels(string Title, IReadOnlyList<PlotModel> Panels, int Columns)
{
    public static FigurePanels Single(PlotModel model) => new(model.Title ?? string.Empty, [model], 1);

    public int Rows => (Panels.Count + Columns - 1) / Columns;
}
