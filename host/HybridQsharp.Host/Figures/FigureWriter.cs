using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// Writes figures as PNG (SkiaSharp) and SVG (OxyPlot's own SVG renderer), each atomically:
/// a reader never sees a half-written file.
/// </summary>
public sealed class FigureWriter
{
    private const double FigureTitleHeight = 44;

    public FigureWriter(FigureOptions options)
    {
        options.Validate();
        Options = options;
    }

    public FigureOptions Options { get; }

    /// <summary>
    /// Writes <paramref name="name"/>.png and <paramref name="name"/>.svg into <paramref name="directory"/>
    /// (created if missing). A size of null means the configured default.
    /// </summary>
    public FigureFiles Write(FigurePanels figure, string directory, string name, int? width = null, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Panels.Count == 0 || figure.Columns < 1)
        {
            throw new FigureInputException($"Figure '{name}' has no panels or no columns.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new FigureInputException($"'{name}' is not a usable figure file name.");
        }

        var w = width ?? Options.Width;
        var h = height ?? Options.Height;
        if (w < 16 || h < 16 || w > 20000 || h > 20000)
        {
            throw new FigureInputException($"Figure '{name}' has an unusable size {w} x {h} px.");
        }

        Directory.CreateDirectory(directory);
        var png = Path.Combine(directory, name + ".png");
        var svg = Path.Combine(directory, name + ".svg");
        WriteAtomically(png, stream => WritePng(figure, stream, w, h));
        WriteAtomically(svg, stream => WriteSvg(figure, stream, w, h));
        return new FigureFiles(png, svg);
    }

    /// <summary>Writes a single plot.</summary>
    public FigureFiles Write(PlotModel model, string directory, string name, int? width = null, int? height = null) =>
        Write(FigurePanels.Single(model), directory, name, width, height);

    private static void WritePng(FigurePanels figure, Stream stream, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var context =
            new SkiaRenderContext { RenderTarget = RenderTarget.PixelGraphic, SkCanvas = canvas, UseTextShaping = true, DpiScale = 1 })
        {
            canvas.Clear(SKColors.White);
            Render(figure, context, width, height);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        data.SaveTo(stream);
    }

    private static void WriteSvg(FigurePanels figure, Stream stream, int width, int height)
    {
        // Skia measures text for the SVG too, so both files get the same layout.
        using var measurer = new SkiaRenderContext { RenderTarget = RenderTarget.VectorGraphic, UseTextShaping = true };
        using var svg = new SvgRenderContext(stream, width, height, true, measurer, OxyColors.White, false);
        Render(figure, svg, width, height);
        svg.Complete();
        svg.Flush();
    }

    private static void Render(FigurePanels figure, IRenderContext context, double width, double height)
    {
        double top = 0;
        if (figure.Panels.Count > 1)
        {
            context.DrawText(
                new ScreenPoint(width / 2, 10), figure.Title, OxyColors.Black, null, 20, FontWeights.Bold, 0,
                HorizontalAlignment.Center, VerticalAlignment.Top, null);
            top = FigureTitleHeight;
        }

        var cellWidth = width / figure.Columns;
        var cellHeight = (height - top) / figure.Rows;
        for (var i = 0; i < figure.Panels.Count; i++)
        {
            var model = figure.Panels[i];
            if (model.Background.IsUndefined() || model.Background.IsInvisible())
            {
                model.Background = OxyColors.White;
            }

            IPlotModel plot = model;
            plot.Update(true);
            plot.Render(context, new OxyRect((i % figure.Columns) * cellWidth, top + (i / figure.Columns) * cellHeight, cellWidth, cellHeight));

            // OxyPlot draws an error message into the plot instead of throwing; a figure must not silently become that.
            if (model.GetLastPlotException() is { } error)
            {
                throw new FigureInputException($"Figure '{figure.Title}', panel '{model.Title}' could not be drawn: {error.Message}", error);
            }
        }
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FailureRecordingStream(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write)))
            {
                try
                {
                    write(stream);
                    stream.Flush();
                }
                catch (Exception e) when (stream.Failure is { } failure && e is not IOException)
                {
                    // The SVG writer turns a failed write (e.g. a full disk) into "The Writer is closed
                    // or in error state"; what the user needs to read is the I/O error underneath.
                    throw new IOException($"{path}: {failure.Message}", failure);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
