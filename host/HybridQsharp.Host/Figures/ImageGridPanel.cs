using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// Lays images out in a grid inside one plot: cells are data units on hidden axes, while images are
/// sized in screen units so they stay square (and unblurred: nearest-neighbour scaling) whatever the panel's shape.
/// </summary>
internal static class ImageGridPanel
{
    private const double TitleHeight = 36;
    private const double CaptionHeight = 18;

    public static PlotModel Create(string title, string? subtitle, IReadOnlyList<ImageGridCell> cells, double panelWidth, double panelHeight)
    {
        var plot = PlotStyle.Model(title, legend: null);
        plot.Subtitle = subtitle;
        plot.PlotAreaBorderThickness = new OxyThickness(0);
        plot.PlotMargins = new OxyThickness(4);
        var areaWidth = panelWidth - 8;
        var areaHeight = panelHeight - TitleHeight - (subtitle is null ? 0 : 18) - 8;
        var (columns, rows, side) = Layout(Math.Max(cells.Count, 1), areaWidth, areaHeight);
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0, Maximum = columns, IsAxisVisible = false });
        plot.Axes.Add(
            new LinearAxis { Position = AxisPosition.Left, Minimum = 0, Maximum = rows, StartPosition = 1, EndPosition = 0, IsAxisVisible = false });

        var fontSize = Math.Clamp(side / 7, 9, 13);
        var maxChars = Math.Max(4, (int)(areaWidth / columns / (fontSize * 0.6)));
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            cell.Image.Validate();
            double x = i % columns + 0.5, y = i / columns + 0.5;
            plot.Annotations.Add(new ImageAnnotation
            {
                ImageSource = ToOxyImage(cell.Image),
                X = new PlotLength(x, PlotLengthUnit.Data),
                Y = new PlotLength(y, PlotLengthUnit.Data),
                OffsetY = new PlotLength(-CaptionHeight / 2, PlotLengthUnit.ScreenUnits),
                Width = new PlotLength(side, PlotLengthUnit.ScreenUnits),
                Height = new PlotLength(side * cell.Image.Height / cell.Image.Width, PlotLengthUnit.ScreenUnits),
                HorizontalAlignment = HorizontalAlignment.Center,
                VerticalAlignment = VerticalAlignment.Middle,
                Interpolate = false,
            });
            plot.Annotations.Add(new TextAnnotation
            {
                Text = cell.Caption.Length > maxChars ? cell.Caption[..(maxChars - 1)] + "…" : cell.Caption,
                TextPosition = new DataPoint(x, y),
                // OxyPlot applies the offset along the data's y direction, and this y axis is reversed: negative = down.
                Offset = new ScreenVector(0, -(side / 2 - CaptionHeight / 2 + 2)),
                TextHorizontalAlignment = HorizontalAlignment.Center,
                TextVerticalAlignment = VerticalAlignment.Top,
                FontSize = fontSize,
                FontWeight = cell.Marked ? FontWeights.Bold : FontWeights.Normal,
                TextColor = cell.Marked ? FigurePalette.Wrong : FigurePalette.Right,
                Stroke = OxyColors.Transparent,
                Background = OxyColors.Transparent,
            });
            if (cell.Marked)
            {
                plot.Annotations.Add(new RectangleAnnotation
                {
                    MinimumX = x - 0.48,
                    MaximumX = x + 0.48,
                    MinimumY = y - 0.48,
                    MaximumY = y + 0.48,
                    Fill = OxyColors.Transparent,
                    Stroke = FigurePalette.Wrong,
                    StrokeThickness = 2,
                });
            }
        }

        return plot;
    }

    /// <summary>The grid shape that gives the largest square images in the area, leaving room for captions.</summary>
    public static (int Columns, int Rows, double Side) Layout(int count, double width, double height)
    {
        var best = (Columns: count, Rows: 1, Side: 0.0);
        for (var columns = 1; columns <= count; columns++)
        {
            var rows = (count + columns - 1) / columns;
            var side = 0.9 * Math.Min(width / columns, height / rows - CaptionHeight);
            if (side > best.Side)
            {
                best = (columns, rows, side);
            }
        }

        return (best.Columns, best.Rows, Math.Max(best.Side, 4));
    }

    public static OxyImage ToOxyImage(ImagePixels image)
    {
        image.Validate();
        int h = image.Height, w = image.Width, plane = h * w;
        var pixels = new OxyColor[w, h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var at = y * w + x;
                pixels[x, y] = image.Channels == 1
                    ? OxyColor.FromRgb(image.Chw[at], image.Chw[at], image.Chw[at])
                    : OxyColor.FromRgb(image.Chw[at], image.Chw[plane + at], image.Chw[2 * plane + at]);
            }
        }

        return OxyImage.Create(pixels, ImageFormat.Png);
    }
}
