using OxyPlot;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>Accuracy, precision, recall and F1 per model as grouped bars.</summary>
public static class MetricComparisonFigure
{
    public static FigureFiles Write(FigureWriter writer, string directory, string name, string title, IReadOnlyList<ModelMetrics> models) =>
        writer.Write(Create(title, models), directory, name);

    public static PlotModel Create(string title, IReadOnlyList<ModelMetrics> models)
    {
        const string figure = "Metric comparison";
        FigureChecks.NotEmpty(models, figure, "models");
        foreach (var m in models)
        {
            FigureChecks.Fraction(m.Accuracy, figure, $"accuracy of '{m.Model}'");
            FigureChecks.Fraction(m.Precision, figure, $"precision of '{m.Model}'");
            FigureChecks.Fraction(m.Recall, figure, $"recall of '{m.Model}'");
            FigureChecks.Fraction(m.F1, figure, $"F1 of '{m.Model}'");
        }

        var plot = PlotStyle.Model(title, models.Count > 1 ? LegendPosition.TopRight : null);
        plot.Axes.Add(PlotStyle.Categories("Metric (macro-averaged over classes)", ["Accuracy", "Precision", "Recall", "F1"]));
        plot.Axes.Add(PlotStyle.BarValues("Score", "%", maximum: 110));
        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var series = new BarSeries
            {
                Title = m.Model,
                FillColor = FigurePalette.Series(i, models.Count),
                LabelFormatString = "{0:0.0}",
                LabelPlacement = LabelPlacement.Outside,
                StrokeThickness = 0,
            };
            series.Items.AddRange(new[] { m.Accuracy, m.Precision, m.Recall, m.F1 }.Select(v => new BarItem(PlotStyle.Percent(v))));
            plot.Series.Add(PlotStyle.Upright(series));
        }

        return plot;
    }
}
