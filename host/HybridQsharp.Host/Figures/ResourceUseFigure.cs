using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// Per epoch: wall time split into data / forward-backward / quantum layer (stacked, one panel per model),
/// process CPU time and peak working set (one line per model).
/// </summary>
public static class ResourceUseFigure
{
    private static readonly (string Name, OxyColor Colour)[] Parts =
    [
        ("data", OxyColor.FromRgb(158, 202, 225)),
        ("forward/backward", OxyColor.FromRgb(49, 130, 189)),
        ("quantum layer", OxyColor.FromRgb(230, 85, 13)),
    ];

    public static FigureFiles Write(FigureWriter writer, string directory, string name, string title, IReadOnlyList<ModelResourceHistory> models)
    {
        var figure = Create(title, models);
        var rows = figure.Rows;
        return writer.Write(figure, directory, name, height: Math.Max(writer.Options.Height, rows * 300 + 44));
    }

    public static FigurePanels Create(string title, IReadOnlyList<ModelResourceHistory> models)
    {
        Validate(models);
        var panels = new List<PlotModel>();
        foreach (var model in models)
        {
            panels.Add(WallTime(model));
        }

        var cpu = PlotStyle.Model("Process CPU time per epoch", models.Count > 1 ? LegendPosition.TopRight : null);
        cpu.Axes.Add(PlotStyle.Epochs());
        cpu.Axes.Add(PlotStyle.Linear(AxisPosition.Left, "CPU time", "s", minimum: 0));
        var memory = PlotStyle.Model("Peak working set", models.Count > 1 ? LegendPosition.BottomRight : null);
        memory.Axes.Add(PlotStyle.Epochs());
        memory.Axes.Add(PlotStyle.Linear(AxisPosition.Left, "Peak working set", "MB", minimum: 0));
        for (var m = 0; m < models.Count; m++)
        {
            var epochs = models[m].Epochs.OrderBy(e => e.Epoch).ToList();
            var colour = FigurePalette.Series(m, models.Count);
            var cpuLine =
                new LineSeries { Title = models[m].Model, Color = colour, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 3 };
            cpuLine.Points.AddRange(epochs.Select(e => new DataPoint(e.Epoch, e.ProcessCpuSeconds)));
            cpu.Series.Add(cpuLine);
            var memoryLine =
                new LineSeries { Title = models[m].Model, Color = colour, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 3 };
            memoryLine.Points.AddRange(epochs.Select(e => new DataPoint(e.Epoch, e.PeakWorkingSetMegabytes)));
            memory.Series.Add(memoryLine);
        }

        panels.Add(cpu);
        panels.Add(memory);
        return new FigurePanels(title, panels, 2);
    }

    private static PlotModel WallTime(ModelResourceHistory model)
    {
        var epochs = model.Epochs.OrderBy(e => e.Epoch).ToList();
        var plot = PlotStyle.Model($"Wall time per epoch: {model.Model}", LegendPosition.RightTop);
        plot.Legends[0].LegendPlacement = LegendPlacement.Outside; // bars fill the plot area up to the top
        // Label every epoch up to 15, then every k-th so 50 epochs stay legible.
        var every = Math.Max(1, (int)Math.Ceiling(epochs.Count / 15.0));
        plot.Axes.Add(PlotStyle.Categories("Epoch", epochs.Select(
            (e, i) => i == 0 || e.Epoch % every == 0 ? e.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)));
        var values = PlotStyle.BarValues("Wall time", "s");
        plot.Axes.Add(values);
        var parts = new Func<EpochResourceUse, double>[] { e => e.DataSeconds, e => e.ForwardBackwardSeconds, e => e.QuantumLayerSeconds };
        for (var p = 0; p < Parts.Length; p++)
        {
            var series = new BarSeries { Title = Parts[p].Name, FillColor = Parts[p].Colour, IsStacked = true, StrokeThickness = 0 };
            series.Items.AddRange(epochs.Select(e => new BarItem(parts[p](e))));
            plot.Series.Add(PlotStyle.Upright(series));
        }

        return plot;
    }

    private static void Validate(IReadOnlyList<ModelResourceHistory> models)
    {
        const string figure = "Resource use";
        FigureChecks.NotEmpty(models, figure, "models");
        foreach (var model in models)
        {
            FigureChecks.NotEmpty(model.Epochs, figure, $"epochs for model '{model.Model}'");
            foreach (var e in model.Epochs)
            {
                var at = $"model '{model.Model}' epoch {e.Epoch}";
                FigureChecks.NonNegative(e.DataSeconds, figure, $"data time of {at}");
                FigureChecks.NonNegative(e.ForwardBackwardSeconds, figure, $"forward/backward time of {at}");
                FigureChecks.NonNegative(e.QuantumLayerSeconds, figure, $"quantum-layer time of {at}");
                FigureChecks.NonNegative(e.ProcessCpuSeconds, figure, $"CPU time of {at}");
                FigureChecks.NonNegative(e.PeakWorkingSetMegabytes, figure, $"peak working set of {at}");
            }
        }
    }
}
