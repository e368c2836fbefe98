using OxyPlot;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// Test accuracy and PGD robust accuracy per model; where the paper reports a value for the model,
/// a lighter bar labelled "(paper)" stands beside ours.
/// </summary>
public static class TestResultsFigure
{
    public static FigureFiles Write(FigureWriter writer, string directory, string name, string title, IReadOnlyList<ModelTestResult> models) =>
        writer.Write(Create(title, models), directory, name);

    public static PlotModel Create(string title, IReadOnlyList<ModelTestResult> models)
    {
        const string figure = "Test results";
        FigureChecks.NotEmpty(models, figure, "models");
        foreach (var m in models)
        {
            FigureChecks.Fraction(m.TestAccuracy, figure, $"test accuracy of '{m.Model}'");
            foreach (var (value, what) in new[] { (m.RobustAccuracy, "robust accuracy"), (m.PaperTestAccuracy, "paper test accuracy"),
                (m.PaperRobustAccuracy, "paper robust accuracy") })
            {
                if (value is { } v)
                {
                    FigureChecks.Fraction(v, figure, $"{what} of '{m.Model}'");
                }
            }
        }

        var anyRobust = models.Any(m => m.RobustAccuracy is not null || m.PaperRobustAccuracy is not null);
        var categories = anyRobust ? new[] { "Test accuracy", "PGD robust accuracy" } : ["Test accuracy"];
        var series = new List<BarSeries>();
        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var colour = FigurePalette.Series(i, models.Count);
            series.Add(Bars(m.Model, colour, anyRobust ? [m.TestAccuracy, m.RobustAccuracy] : [m.TestAccuracy]));
            if (m.PaperTestAccuracy is not null || m.PaperRobustAccuracy is not null)
            {
                // The paper's bar shares the model's hue but is pale, so pairs read as "ours vs theirs".
                var pale = OxyColor.Interpolate(colour, OxyColors.White, 0.6);
                series.Add(Bars($"{m.Model} (paper)", pale, anyRobust ? [m.PaperTestAccuracy, m.PaperRobustAccuracy] : [m.PaperTestAccuracy]));
            }
        }

        var plot = PlotStyle.Model(title, series.Count > 1 ? LegendPosition.TopRight : null);
        plot.Axes.Add(PlotStyle.Categories("Test set measure", categories));
        plot.Axes.Add(PlotStyle.BarValues("Accuracy", "%", maximum: 110));
        foreach (var s in series)
        {
            plot.Series.Add(PlotStyle.Upright(s));
        }

        return plot;
    }

    private static BarSeries Bars(string title, OxyColor colour, double?[] values)
    {
        var series = new BarSeries
        {
            Title = title,
            FillColor = colour,
            StrokeColor = OxyColor.FromRgb(90, 90, 90),
            StrokeThickness = 0.5,
            LabelFormatString = "{0:0.0}",
            LabelPlacement = LabelPlacement.Outside,
        };

        // A missing value keeps its slot (NaN draws nothing) so the bars of one model stay aligned.
        series.Items.AddRange(values.Select(v => new BarItem(v is { } x ? PlotStyle.Percent(x) : double.NaN)));
        return series;
    }
}
