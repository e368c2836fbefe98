using HybridQsharp.Host.Figures;
using SkiaSharp;

namespace HybridQsharp.Tests.Host.Figures;

public sealed class ImageFigureTests : IDisposable
{
    private readonly FigureDirectory _directory = new();
    private readonly FigureWriter _writer = new(new FigureOptions());

    public void Dispose() => _directory.Dispose();

    /// <summary>32 x 32 RGB: top-left quadrant red, top-right green, bottom half blue.</summary>
    private static ImagePixels Quadrants()
    {
        const int n = 32;
        var chw = new byte[3 * n * n];
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                var channel = y >= n / 2 ? 2 : x < n / 2 ? 0 : 1;
                chw[channel * n * n + y * n + x] = 255;
            }
        }

        return new ImagePixels(chw, 3, n, n);
    }

    private static ImagePixels Digit(int seed)
    {
        var chw = new byte[28 * 28];
        var random = new Random(seed);
        for (var i = 0; i < chw.Length; i++)
        {
            chw[i] = (byte)(i / 28 is > 6 and < 21 && i % 28 is > 10 and < 17 ? 200 + random.Next(55) : 0);
        }

        return new ImagePixels(chw, 1, 28, 28);
    }

    [Fact]
    public void SampleImagesShowEverySplit()
    {
        var splits = new[] { "train", "validation", "test" }
            .Select(s => new SplitSamples(s,
                Enumerable.Range(0, 8).Select(i => new LabeledImage(i % 2 == 0 ? Digit(i) : Quadrants(), $"class {i}")).ToList()))
            .ToList();

        var files = SampleImagesFigure.Write(_writer, _directory.Path, "samples", "MNIST samples", splits);

        FigureAssert.Written(files, "MNIST samples", 1000, 650);
        var svg = File.ReadAllText(files.Svg);
        Assert.Contains("validation (8 samples)", svg);
        Assert.Contains("<image", svg);
    }

    [Fact]
    public void PredictionsKeepImageOrientationAndColours()
    {
        var files = SamplePredictionsFigure.Write(_writer, _directory.Path, "predictions", "Sample predictions",
            [new PredictedImage(Quadrants(), "cat", "cat")]);

        FigureAssert.Written(files, "Sample predictions", 1000, 650);
        using var bitmap = SKBitmap.Decode(files.Png);
        var centroids = new Dictionary<string, (double X, double Y, int Count)>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var key = c == SKColors.Red ? "red" : c == new SKColor(0, 255, 0) ? "green" : c == SKColors.Blue ? "blue" : null;
                if (key is not null)
                {
                    var (sx, sy, k) = centroids.GetValueOrDefault(key);
                    centroids[key] = (sx + x, sy + y, k + 1);
                }
            }
        }

        Assert.Equal(["blue", "green", "red"], centroids.Keys.Order());
        var (red, green, blue) = (Mean(centroids["red"]), Mean(centroids["green"]), Mean(centroids["blue"]));
        Assert.True(red.X < green.X, "red quadrant should be left of green");
        Assert.True(red.Y < blue.Y && green.Y < blue.Y, "blue half should be below");

        // Blue covers half the image, red and green a quarter each: square pixels, no distortion.
        Assert.Equal(2.0, (double)centroids["blue"].Count / centroids["red"].Count, 1);

        static (double X, double Y) Mean((double X, double Y, int Count) s) => (s.X / s.Count, s.Y / s.Count);
    }

    [Fact]
    public void WrongPredictionsAreCountedAndMarked()
    {
        var images = Enumerable.Range(0, 12)
            .Select(i => new PredictedImage(Digit(i), $"{i % 10}", i % 4 == 0 ? "7" : $"{i % 10}"))
            .ToList();

        var plot = SamplePredictionsFigure.Create("Predictions", images, 1000, 650);
        Assert.Contains("(3 of 12)", plot.Subtitle);
        Assert.Equal(3, plot.Annotations.OfType<OxyPlot.Annotations.RectangleAnnotation>().Count());

        var files = SamplePredictionsFigure.Write(_writer, _directory.Path, "predictions-12", "Predictions", images);
        FigureAssert.Written(files, "Predictions", 1000, 650);
        Assert.Contains("0 / 7", File.ReadAllText(files.Svg));
    }

    [Fact]
    public void RejectsPixelsThatDoNotMatchTheShape()
    {
        var bad = new PredictedImage(new ImagePixels(new byte[10], 3, 2, 2), "a", "b");
        var error = Assert.Throws<FigureInputException>(() => SamplePredictionsFigure.Create("x", [bad], 1000, 650));
        Assert.Contains("3 x 2 x 2", error.Message);
    }
}
