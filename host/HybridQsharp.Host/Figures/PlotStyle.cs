using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>The look shared by all figures: white background, light grid, legend inside the plot area.</summary>
internal static class PlotStyle
{
    public static readonly OxyColor GridColor = OxyColor.FromRgb(225, 225, 225);

    private const string CategoryKey = "categories";
    private const string ValueKey = "values";

    /// <summary>
    /// A value axis for bar charts. OxyPlot's BarSeries wants its categories on its "Y" axis; putting
    /// that axis at the bottom (keys below) transposes the chart into upright columns.
    /// </summary>
    public static LinearAxis BarValues(string title, string unit, double? minimum = 0, double? maximum = null)
    {
        var axis = Linear(AxisPosition.Left, title, unit, minimum, maximum);
        axis.Key = ValueKey;
        return axis;
    }

    public static BarSeries Upright(BarSeries series)
    {
        series.XAxisKey = ValueKey;
        series.YAxisKey = CategoryKey;
        return series;
    }

    public static PlotModel Model(string title, LegendPosition? legend = LegendPosition.TopRight)
    {
        var model = new PlotModel
        {
            Title = title,
            TitleFontSize = 15,
            DefaultFontSize = 12,
            Background = OxyColors.White,
            PlotAreaBorderColor = OxyColor.FromRgb(120, 120, 120),
        };
        if (legend is { } position)
        {
            model.Legends.Add(new Legend
            {
                LegendPosition = position,
                LegendPlacement = LegendPlacement.Inside,
                LegendBackground = OxyColor.FromAColor(220, OxyColors.White),
                LegendBorder = OxyColor.FromRgb(180, 180, 180),
                LegendFontSize = 11,
            });
        }

        return model;
    }

    public static LinearAxis Linear(AxisPosition position, string title, string? unit = null, double? minimum = null, double? maximum = null)
    {
        var axis = new LinearAxis
        {
            Position = position,
            Title = title,
            Unit = unit,
            MajorGridlineStyle = LineStyle.Solid,
            MajorGridlineColor = GridColor,
        };
        if (minimum is { } min)
        {
            axis.Minimum = min;
        }

        if (maximum is { } max)
        {
            axis.Maximum = max;
        }

        return axis;
    }

    /// <summary>An epoch axis with integer ticks only.</summary>
    public static LinearAxis Epochs() => new()
    {
        Position = AxisPosition.Bottom,
        Title = "Epoch",
        MinimumMajorStep = 1,
        MinimumMinorStep = 1,
        StringFormat = "0",
        MajorGridlineStyle = LineStyle.Solid,
        MajorGridlineColor = GridColor,
    };

    public static CategoryAxis Categories(string title, IEnumerable<string> labels, AxisPosition position = AxisPosition.Bottom)
    {
        var axis = new CategoryAxis { Position = position, Title = title, GapWidth = 0.4, Key = CategoryKey };
        axis.Labels.AddRange(labels);
        return axis;
    }

    /// <summary>Percent with a sensible number of decimals for a value known to lie in [0, 1].</summary>
    public static double Percent(double fraction) => 100.0 * fraction;
}
