using System.Globalization;
using HybridQsharp.Host.Numerics;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>Feature vectors projected to 2-D by PCA and embedded by exact t-SNE, coloured by class.</summary>
public static class FeatureSpaceFigure
{
    private const int MaxClassesInLegend = 20;

    public static FigureFiles Write(
        FigureWriter writer, string directory, string name, string title, FeatureSet features, TsneOptions tsne,
        CancellationToken cancellationToken = default) =>
        writer.Write(Create(title, features, tsne, cancellationToken), directory, name);

    public static FigurePanels Create(string title, FeatureSet features, TsneOptions tsne, CancellationToken cancellationToken = default)
    {
        features.Validate();
        tsne.Validate();
        var pca = PrincipalComponents.Fit(features.Features, Math.Min(2, features.Features[0].Length));
        var projected = features.Features.Select(f => pca.Project(f)).Select(p => p.Length == 2 ? p : [p[0], 0.0]).ToArray();
        var pcaPanel = Scatter(
            $"PCA ({features.Features.Length.ToString("N0", CultureInfo.InvariantCulture)} points)",
            $"PC 1, {100 * pca.ExplainedFraction(0):0.0}% of variance",
            pca.Components.Length > 1 ? $"PC 2, {100 * pca.ExplainedFraction(1):0.0}% of variance" : "PC 2 (none: 1-D features)",
            "feature units", projected, features.Labels, features.ClassNames);

        var chosen = Subsample(features.Features.Length, tsne.MaxPoints, tsne.Seed);
        var embedded = TsneEmbedding.Embed(chosen.Select(i => features.Features[i]).ToList(), tsne, cancellationToken);
        var tsnePanel = Scatter(
            $"t-SNE (perplexity {tsne.Perplexity:0.#}, {chosen.Length.ToString("N0", CultureInfo.InvariantCulture)} points)",
            "t-SNE 1", "t-SNE 2", "a.u.", embedded, chosen.Select(i => features.Labels[i]).ToList(), features.ClassNames);
        return new FigurePanels(title, [pcaPanel, tsnePanel], 2);
    }

    /// <summary>A seeded random subset (sorted) when there are more points than exact t-SNE should take.</summary>
    private static int[] Subsample(int count, int max, int seed)
    {
        if (count <= max)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        var indices = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(indices);
        return indices[..max].Order().ToArray();
    }

    private static PlotModel Scatter(
        string title, string xTitle, string yTitle, string unit, IReadOnlyList<double[]> points, IReadOnlyList<int> labels,
        IReadOnlyList<string> classNames)
    {
        var legend = classNames.Count <= MaxClassesInLegend;
        var regions = NearestNeighbourRegions.Classify(points, labels, classNames.Count);
        var plot = PlotStyle.Model(legend ? title : title + "; colour = class", legend ? LegendPosition.RightTop : null);
        plot.Subtitle = "background: class of the 5 nearest points in this plane";
        if (legend)
        {
            plot.Legends[0].LegendPlacement = LegendPlacement.Outside;
        }

        plot.Axes.Add(PlotStyle.Linear(AxisPosition.Bottom, xTitle, unit));
        plot.Axes.Add(PlotStyle.Linear(AxisPosition.Left, yTitle, unit));
        // Class regions (5-NN vote in this plane) as a pale background, under the points.
        plot.Axes.Add(new LinearColorAxis
        {
            Key = "regions",
            IsAxisVisible = false,
            Minimum = -0.5,
            Maximum = classNames.Count - 0.5,
            Palette = new OxyPalette(Enumerable.Range(0, classNames.Count).Select(
                c => OxyColor.Interpolate(FigurePalette.Series(c, classNames.Count), OxyColors.White, 0.82))),
        });
        var grid = new double[regions.Cells.GetLength(0), regions.Cells.GetLength(1)];
        for (var x = 0; x < grid.GetLength(0); x++)
        {
            for (var y = 0; y < grid.GetLength(1); y++)
            {
                grid[x, y] = regions.Cells[x, y];
            }
        }

        plot.Series.Add(new HeatMapSeries
        {
            X0 = regions.MinX,
            X1 = regions.MaxX,
            Y0 = regions.MinY,
            Y1 = regions.MaxY,
            Data = grid,
            Interpolate = false,
            ColorAxisKey = "regions",
            RenderInLegend = false,
        });

        // ScatterSeries colours its points through a colour axis whenever the plot has one, so the classes get
        // their own (hidden) axis too, with each point's value its class index.
        plot.Axes.Add(new LinearColorAxis
        {
            Key = "classes",
            IsAxisVisible = false,
            Minimum = -0.5,
            Maximum = classNames.Count - 0.5,
            Palette = new OxyPalette(
                Enumerable.Range(0, classNames.Count).Select(c => OxyColor.FromAColor(210, FigurePalette.Series(c, classNames.Count)))),
        });

        var markerSize = points.Count > 2000 ? 1.5 : points.Count > 500 ? 2.2 : 3;
        for (var c = 0; c < classNames.Count; c++)
        {
            var series = new ScatterSeries
            {
                Title = classNames[c],
                MarkerType = MarkerType.Circle,
                MarkerSize = markerSize,
                MarkerFill = OxyColor.FromAColor(200, FigurePalette.Series(c, classNames.Count)),
                RenderInLegend = legend,
                ColorAxisKey = "classes",
            };
            for (var i = 0; i < points.Count; i++)
            {
                if (labels[i] == c)
                {
                    series.Points.Add(new ScatterPoint(points[i][0], points[i][1], double.NaN, c));
                }
            }

            if (series.Points.Count > 0)
            {
                plot.Series.Add(series);
            }
        }

        return plot;
    }
}
