namespace HybridQsharp.Host.Figures;

/// <summary>Test images captioned "true / predicted"; wrong predictions get a red caption and frame.</summary>
public static class SamplePredictionsFigure
{
    public static FigureFiles Write(FigureWriter writer, string directory, string name, string title, IReadOnlyList<PredictedImage> images)
    {
        var (width, height) = (writer.Options.Width, writer.Options.Height);
        return writer.Write(Create(title, images, width, height), directory, name, width, height);
    }

    public static OxyPlot.PlotModel Create(string title, IReadOnlyList<PredictedImage> images, int width, int height)
    {
        FigureChecks.NotEmpty(images, "Sample predictions", "images");
        var wrong = images.Count(i => !i.IsCorrect);
        var cells = images.Select(i => new ImageGridCell(i.Image, $"{i.TrueLabel} / {i.PredictedLabel}", Marked: !i.IsCorrect)).ToList();
        return ImageGridPanel.Create(
            title, $"caption: true / predicted; red frame = wrong ({wrong} of {images.Count})", cells, width, height);
    }
}
