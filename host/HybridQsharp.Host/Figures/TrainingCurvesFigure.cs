using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace HybridQsharp.Host.Figures;

/// <summary>Loss, validation accuracy, macro F1 and PGD robust accuracy per epoch, one colour per model.</summary>
public static class TrainingCurvesFigure
{
    public static FigureFiles Write(FigureWriter writer, string directory, string name, string title, IReadOnlyList<ModelTrainingHistory> models) =>
        writer.Write(Create(title, models), directory, name);

    public static FigurePanels Create(string title, IReadOnlyList<ModelTrainingHistory> models)
    {
        Validate(models);
        var many = models.Count > 1;

        var loss = PlotStyle.Model("Loss");
        loss.Axes.Add(PlotStyle.Epochs());
        loss.Axes.Add(PlotStyle.Linear(AxisPosition.Left, "Cross-entropy loss", "nats"));
        var accuracy = PlotStyle.Model("Validation accuracy", many ? LegendPosition.BottomRight : null);
        accuracy.Axes.Add(PlotStyle.Epochs());
        accuracy.Axes.Add(PlotStyle.Linear(AxisPosition.Left, "Accuracy", "%"));
        var f1 = PlotStyle.Model("Validation macro F1", many ? LegendPosition.BottomRight : null);
        f1.Axes.Add(PlotStyle.Epochs());
        f1.Axes.Add(PlotStyle.Linear(AxisPosition.Left, "Macro F1", "%"));
        var robust = PlotStyle.Model("PGD robust accuracy (measured epochs)", many ? LegendPosition.TopRight : null);
        robust.Axes.Add(PlotStyle.Epochs());
        robust.Axes.Add(PlotStyle.Linear(AxisPosition.Left, "Robust accuracy", "%"));

        for (var m = 0; m < models.Count; m++)
        {
            var model = models[m];
            var colour = FigurePalette.Series(m, models.Count);
            var epochs = model.Epochs.OrderBy(e => e.Epoch).ToList();
            loss.Series.Add(Line($"{model.Model} train", colour, LineStyle.Solid, epochs.Select(e => new DataPoint(e.Epoch, e.TrainLoss))));
            loss.Series.Add(Line($"{model.Model} validation", colour, LineStyle.Dash, epochs.Select(e => new DataPoint(e.Epoch, e.ValidationLoss))));
            accuracy.Series.Add(
                Line(model.Model, colour, LineStyle.Solid, epochs.Select(e => new DataPoint(e.Epoch, PlotStyle.Percent(e.ValidationAccuracy)))));
            f1.Series.Add(Line(model.Model, colour, LineStyle.Solid, epochs.Select(e => new DataPoint(e.Epoch, PlotStyle.Percent(e.MacroF1)))));
            var measured =
                epochs.Where(e => e.RobustAccuracy is not null).Select(e => new DataPoint(e.Epoch, PlotStyle.Percent(e.RobustAccuracy!.Value)));
            var robustLine = Line(model.Model, colour, LineStyle.Solid, measured);
            robustLine.MarkerType = MarkerType.Circle;
            robustLine.MarkerSize = 4;
            robust.Series.Add(robustLine);
        }

        if (models.All(m => m.Epochs.All(e => e.RobustAccuracy is null)))
        {
            robust.Annotations.Add(new TextAnnotation
            {
                Text = "not measured in this run",
                TextPosition = new DataPoint(0.5, 0.5),
                Stroke = OxyColors.Transparent,
            });
            robust.Axes[0].Minimum = 0;
            robust.Axes[0].Maximum = 1;
            robust.Axes[1].Minimum = 0;
            robust.Axes[1].Maximum = 1;
        }

        return new FigurePanels(title, [loss, accuracy, f1, robust], 2);
    }

    private static LineSeries Line(string title, OxyColor colour, LineStyle style, IEnumerable<DataPoint> points)
    {
        var series = new LineSeries { Title = title, Color = colour, LineStyle = style, StrokeThickness = 2 };
        series.Points.AddRange(points);
        return series;
    }

    private static void Validate(IReadOnlyList<ModelTrainingHistory> models)
    {
        const string figure = "Training curves";
        FigureChecks.NotEmpty(models, figure, "models");
        foreach (var model in models)
        {
            FigureChecks.NotEmpty(model.Epochs, figure, $"epochs for model '{model.Model}'");
            foreach (var e in model.Epochs)
            {
                var at = $"model '{model.Model}' epoch {e.Epoch}";
                FigureChecks.Finite(e.TrainLoss, figure, $"train loss of {at}");
                FigureChecks.Finite(e.ValidationLoss, figure, $"validation loss of {at}");
                FigureChecks.Fraction(e.ValidationAccuracy, figure, $"validation accuracy of {at}");
                FigureChecks.Fraction(e.MacroF1, figure, $"macro F1 of {at}");
                if (e.RobustAccuracy is { } r)
                {
                    FigureChecks.Fraction(r, figure, $"robust accuracy of {at}");
                }
            }
        }
    }
}
