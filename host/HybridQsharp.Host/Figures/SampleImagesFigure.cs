namespace HybridQsharp.Host.Figures;

/// <summary>Sample images of each split (one row of panels per split), captioned with their class names.</summary>
public static class SampleImagesFigure
{
    private const double FigureTitleHeight = 44;

    public static FigureFiles Write(FigureWriter writer, string directory, string name, string title, IReadOnlyList<SplitSamples> splits)
    {
        var width = writer.Options.Width;
        var height = Math.Max(writer.Options.Height, splits.Count * 200 + (int)FigureTitleHeight);
        return writer.Write(Create(title, splits, width, height), directory, name, width, height);
    }

    /// <summary>The panels for a figure of <paramref name="width"/> x <paramref name="height"/> px (images are sized for it).</summary>
    public static FigurePanels Create(string title, IReadOnlyList<SplitSamples> splits, int width, int height)
    {
        FigureChecks.NotEmpty(splits, "Sample images", "splits");
        var panelHeight = (height - FigureTitleHeight) / splits.Count;
        var panels = splits.Select(split =>
        {
            FigureChecks.NotEmpty(split.Images, "Sample images", $"images for split '{split.Split}'");
            var cells = split.Images.Select(i => new ImageGridCell(i.Image, i.Caption, Marked: false)).ToList();
            return ImageGridPanel.Create($"{split.Split} ({split.Images.Count} samples)", null, cells, width, panelHeight);
        }).ToList();
        return new FigurePanels(title, panels, 1);
    }
}
