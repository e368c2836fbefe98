using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// A per-epoch measure (e.g. validation accuracy) per model: the mean over seeds as a line inside a shaded band, one panel per dataset.
/// </summary>
public static class CurveBandFigure
{
    public static FigureFiles Write(
        FigureWriter writer, string directory, string name, string title, string measure, IReadOnlyList<DatasetCurveBands> datasets)
    {
        var figure = Create(title, measure, datasets);
        return writer.Write(figure, directory, name, width: Math.Max(writer.Options.Width, 520 * figure.Columns));
    }

    public static FigurePanels Create(string title, string measure, IReadOnlyList<DatasetCurveBands> datasets)
    {
        Validate(measure, datasets);
        var models = datasets.SelectMany(d => d.Models.Select(m => m.Model)).Distinct().ToList();
        var panels = new List<PlotModel>();
        foreach (var dataset in datasets)
        {
            var plot = PlotStyle.Model(datasets.Count == 1 ? title : dataset.Dataset, LegendPosition.BottomRight);
            plot.Axes.Add(PlotStyle.Epochs());
            plot.Axes.Add(PlotStyle.Linear(AxisPosition.Left, measure, "%"));
            foreach (var model in dataset.Models)
            {
                var colour = FigurePalette.Series(models.IndexOf(model.Model), models.Count);
                var epochs = model.Epochs.OrderBy(e => e.Epoch).ToList();
                var band = new AreaSeries
                {
                    Color = OxyColors.Transparent,
                    Color2 = OxyColors.Transparent,
                    Fill = OxyColor.FromAColor(60, colour),
                    StrokeThickness = 0,
                    RenderInLegend = false,
                };
                // With few seeds a t interval reaches past what a fraction can be; the band shows only its possible part.
                band.Points.AddRange(epochs.Select(e => new DataPoint(e.Epoch, PlotStyle.Percent(Math.Min(1, e.Upper)))));
                band.Points2.AddRange(epochs.Select(e => new DataPoint(e.Epoch, PlotStyle.Percent(Math.Max(0, e.Lower)))));
                var seeds = epochs.Min(e => e.Count);
                var line = new LineSeries
                {
                    Title = $"{model.Model} (n = {seeds})",
                    Color = colour,
                    StrokeThickness = 2,
                    MarkerType = MarkerType.Circle,
                    MarkerSize = 3,
                    MarkerFill = colour,
                };
                line.Points.AddRange(epochs.Select(e => new DataPoint(e.Epoch, PlotStyle.Percent(e.Mean))));
                plot.Series.Add(band);
                plot.Series.Add(line);
            }

            panels.Add(plot);
        }

        return new FigurePanels(title, panels, Math.Min(3, panels.Count));
    }

    private static void Validate(string measure, IReadOnlyList<DatasetCurveBands> datasets)
    {
        var figure = $"{measure} bands";
        FigureChecks.NotEmpty(datasets, figure, "datasets");
        foreach (var dataset in datasets)
        {
            FigureChecks.NotEmpty(dataset.Models, figure, $"models of '{dataset.Dataset}'");
            foreach (var model in dataset.Models)
            {
                FigureChecks.NotEmpty(model.Epochs, figure, $"epochs of '{model.Model}' on '{dataset.Dataset}'");
                foreach (var e in model.Epochs)
                {
                    var at = $"'{model.Model}' on '{dataset.Dataset}' at epoch {e.Epoch}";
                    FigureChecks.Finite(e.Mean, figure, $"mean of {at}");
                    if (!(e.Lower <= e.Mean && e.Mean <= e.Upper))
                    {
                        throw new FigureInputException($"{figure}: the band of {at} [{e.Lower}, {e.Upper}] does not contain its mean {e.Mean}.");
                    }
                }
            }
        }
    }
}
