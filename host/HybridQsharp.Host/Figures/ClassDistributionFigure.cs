using OxyPlot;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>Examples per class, one bar colour per split; beyond 20 classes only every 10th class is labelled.</summary>
public static class ClassDistributionFigure
{
    public static FigureFiles Write(
        FigureWriter writer, string directory, string name, string title, IReadOnlyList<string> classNames, IReadOnlyList<SplitClassCounts> splits)
    {
        var plot = Create(title, classNames, splits);
        var width = Math.Max(writer.Options.Width, classNames.Count * Math.Max(splits.Count, 1) * 5 + 200);
        return writer.Write(plot, directory, name, width: width);
    }

    public static PlotModel Create(string title, IReadOnlyList<string> classNames, IReadOnlyList<SplitClassCounts> splits)
    {
        const string figure = "Class distribution";
        FigureChecks.NotEmpty(classNames, figure, "classes");
        FigureChecks.NotEmpty(splits, figure, "splits");
        foreach (var split in splits)
        {
            if (split.Counts.Count != classNames.Count)
            {
                throw new FigureInputException($"{figure}: split '{split.Split}' has {split.Counts.Count} counts for {classNames.Count} classes.");
            }

            if (split.Counts.Any(c => c < 0))
            {
                throw new FigureInputException($"{figure}: split '{split.Split}' has a negative count.");
            }
        }

        var plot = PlotStyle.Model(title, splits.Count > 1 ? LegendPosition.TopRight : null);
        var sparse = classNames.Count > 20;
        var categories = PlotStyle.Categories(
            "Class",
            classNames.Select((n, i) => !sparse ? n : i % 10 == 0 ? $"{i}: {n}" : string.Empty));
        categories.Angle = sparse ? 0 : classNames.Max(n => n.Length) > 6 ? -35 : 0;
        categories.GapWidth = sparse ? 0.2 : 0.4;
        plot.Axes.Add(categories);
        var values = PlotStyle.BarValues("Examples", "count");
        values.MaximumPadding = 0.15;
        plot.Axes.Add(values);
        for (var s = 0; s < splits.Count; s++)
        {
            var series = new BarSeries { Title = splits[s].Split, FillColor = FigurePalette.Series(s, splits.Count), StrokeThickness = 0 };
            series.Items.AddRange(splits[s].Counts.Select(c => new BarItem(c)));
            plot.Series.Add(PlotStyle.Upright(series));
        }

        return plot;
    }
}
