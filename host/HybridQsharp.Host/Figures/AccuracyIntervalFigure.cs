using OxyPlot;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// A measure (e.g. test accuracy) per model as bars of the mean over seeds with confidence-interval error bars, one panel per dataset.
/// </summary>
public static class AccuracyIntervalFigure
{
    public static FigureFiles Write(
        FigureWriter writer, string directory, string name, string title, string measure, IReadOnlyList<DatasetIntervals> datasets)
    {
        var figure = Create(title, measure, datasets);
        var columns = figure.Columns;
        return writer.Write(figure, directory, name, width: Math.Max(writer.Options.Width, 480 * columns));
    }

    public static FigurePanels Create(string title, string measure, IReadOnlyList<DatasetIntervals> datasets)
    {
        Validate(measure, datasets);
        var models = datasets.SelectMany(d => d.Models.Select(m => m.Model)).Distinct().ToList();
        var panels = new List<PlotModel>();
        foreach (var dataset in datasets)
        {
            var plot = PlotStyle.Model(datasets.Count == 1 ? title : dataset.Dataset, legend: null);
            plot.Axes.Add(PlotStyle.Categories("Model (n = seeds)", dataset.Models.Select(m => $"{m.Model} (n = {m.Count})")));
            var top = dataset.Models.Max(m => m.Mean + (m.HalfWidth ?? 0));
            plot.Axes.Add(PlotStyle.BarValues(measure, "%", minimum: 0, maximum: Math.Min(115, (top * 100) + 12)));
            var bars = new ErrorBarSeries
            {
                StrokeColor = OxyColor.FromRgb(60, 60, 60),
                StrokeThickness = 0.5,
                ErrorStrokeThickness = 1.5,
                ErrorWidth = 0.25,
                LabelFormatString = "{0:0.00}",
                LabelPlacement = LabelPlacement.Base,
            };
            foreach (var model in dataset.Models)
            {
                bars.Items.Add(new ErrorBarItem(PlotStyle.Percent(model.Mean), PlotStyle.Percent(model.HalfWidth ?? 0))
                {
                    Color = FigurePalette.Series(models.IndexOf(model.Model), models.Count),
                });
            }

            plot.Series.Add(PlotStyle.Upright(bars));
            panels.Add(plot);
        }

        return new FigurePanels(title, panels, Math.Min(3, panels.Count));
    }

    private static void Validate(string measure, IReadOnlyList<DatasetIntervals> datasets)
    {
        var figure = $"{measure} with intervals";
        FigureChecks.NotEmpty(datasets, figure, "datasets");
        foreach (var dataset in datasets)
        {
            FigureChecks.NotEmpty(dataset.Models, figure, $"models of '{dataset.Dataset}'");
            foreach (var model in dataset.Models)
            {
                FigureChecks.Fraction(model.Mean, figure, $"mean of '{model.Model}' on '{dataset.Dataset}'");
                if (model.HalfWidth is { } half)
                {
                    FigureChecks.NonNegative(half, figure, $"interval half-width of '{model.Model}' on '{dataset.Dataset}'");
                }

                if (model.Count < 1)
                {
                    throw new FigureInputException($"{figure}: '{model.Model}' on '{dataset.Dataset}' has {model.Count} seeds; expected at least 1.");
                }
            }
        }
    }
}
