using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// Confusion matrix as a heat map. Colour is the share of the true class (row-normalised), so errors stay
/// visible next to a dominant diagonal; up to 20 classes every cell also shows its count.
/// </summary>
public static class ConfusionMatrixFigure
{
    private const int MaxClassesWithCellText = 20;

    public static FigureFiles Write(FigureWriter writer, string directory, string name, string title, ConfusionMatrixData data)
    {
        var (width, height) = Size(writer.Options, data.ClassNames.Count);
        return writer.Write(Create(title, data), directory, name, width, height);
    }

    /// <summary>
    /// The configured size, grown for many classes so that each cell keeps at least 11 px; the extra width
    /// (axis labels, colour axis) keeps grown cells roughly square.
    /// </summary>
    public static (int Width, int Height) Size(FigureOptions options, int classes)
    {
        var side = Math.Max(options.Height, classes * 11 + 220);
        return (Math.Max(options.Width, side + 250), side);
    }

    public static PlotModel Create(string title, ConfusionMatrixData data)
    {
        var n = data.ClassNames.Count;
        if (n == 0 || data.Counts.GetLength(0) != n || data.Counts.GetLength(1) != n)
        {
            throw new FigureInputException(
                $"Confusion matrix of '{data.Model}': {data.Counts.GetLength(0)} x {data.Counts.GetLength(1)} counts for {n} classes.");
        }

        var shares = new double[n, n];
        for (var t = 0; t < n; t++)
        {
            long total = 0;
            for (var p = 0; p < n; p++)
            {
                if (data.Counts[t, p] < 0)
                {
                    throw new FigureInputException($"Confusion matrix of '{data.Model}' has a negative count at ({t}, {p}).");
                }

                total += data.Counts[t, p];
            }

            for (var p = 0; p < n; p++)
            {
                // HeatMapSeries indexes [x, y]: x = predicted, y = true.
                shares[p, t] = total == 0 ? 0 : 100.0 * data.Counts[t, p] / total;
            }
        }

        var plot = PlotStyle.Model(title, legend: null);
        var labelled = n <= MaxClassesWithCellText;
        plot.Axes.Add(ClassAxis(AxisPosition.Bottom, "Predicted class", data.ClassNames, labelled, reversed: false));
        plot.Axes.Add(ClassAxis(AxisPosition.Left, "True class", data.ClassNames, labelled, reversed: true));
        plot.Axes.Add(new LinearColorAxis
        {
            Position = AxisPosition.Right,
            Title = "Share of true class",
            Unit = "%",
            Minimum = 0,
            Maximum = 100,
            Palette = OxyPalette.Interpolate(256, OxyColors.White, OxyColor.FromRgb(107, 174, 214), OxyColor.FromRgb(8, 48, 107)),
        });
        plot.Series.Add(new HeatMapSeries
        {
            X0 = 0,
            X1 = n - 1,
            Y0 = 0,
            Y1 = n - 1,
            Data = shares,
            Interpolate = false,
            RenderMethod = HeatMapRenderMethod.Rectangles,
            CoordinateDefinition = HeatMapCoordinateDefinition.Center,
        });

        if (labelled)
        {
            var fontSize = n <= 10 ? 12 : 9;
            for (var t = 0; t < n; t++)
            {
                for (var p = 0; p < n; p++)
                {
                    plot.Annotations.Add(new TextAnnotation
                    {
                        Text = data.Counts[t, p].ToString(CultureInfo.InvariantCulture),
                        TextPosition = new DataPoint(p, t),
                        TextHorizontalAlignment = HorizontalAlignment.Center,
                        TextVerticalAlignment = VerticalAlignment.Middle,
                        Stroke = OxyColors.Transparent,
                        Background = OxyColors.Transparent,
                        FontSize = fontSize,
                        TextColor = shares[p, t] > 55 ? OxyColors.White : OxyColors.Black,
                    });
                }
            }
        }

        return plot;
    }

    private static LinearAxis ClassAxis(AxisPosition position, string title, IReadOnlyList<string> names, bool everyClass, bool reversed)
    {
        var n = names.Count;
        return new LinearAxis
        {
            Position = position,
            Title = title,
            Minimum = -0.5,
            Maximum = n - 0.5,
            StartPosition = reversed ? 1 : 0,
            EndPosition = reversed ? 0 : 1,
            MajorStep = everyClass ? 1 : 10,
            MinorStep = everyClass ? 1 : 1,
            MinorTickSize = everyClass ? 0 : 2,
            IsZoomEnabled = false,
            Angle = position == AxisPosition.Bottom && everyClass && names.Any(s => s.Length > 5) ? -35 : 0,
            // Beyond 20 classes the ticks sit at every 10th class index with its name.
            LabelFormatter = v =>
            {
                var i = (int)Math.Round(v);
                return i >= 0 && i < n && Math.Abs(v - i) < 1e-6 ? (everyClass ? names[i] : $"{i}: {names[i]}") : string.Empty;
            },
        };
    }
}
