using HybridQsharp.Host.Figures;
using HybridQsharp.Host.Numerics;

namespace HybridQsharp.Tests.Host.Figures;

public sealed class ConfusionAndFeatureFigureTests : IDisposable
{
    private readonly FigureDirectory _directory = new();
    private readonly FigureWriter _writer = new(new FigureOptions());

    public void Dispose() => _directory.Dispose();

    private static ConfusionMatrixData Matrix(int n)
    {
        var counts = new int[n, n];
        for (var t = 0; t < n; t++)
        {
            for (var p = 0; p < n; p++)
            {
                counts[t, p] = t == p ? 900 + t : (t * 7 + p * 3) % 11;
            }
        }

        return new ConfusionMatrixData("hybrid", Enumerable.Range(0, n).Select(i => $"digit {i}").ToList(), counts);
    }

    [Fact]
    public void TenClassMatrixShowsEveryCount()
    {
        var files = ConfusionMatrixFigure.Write(_writer, _directory.Path, "confusion", "Confusion matrix: hybrid (MNIST test)", Matrix(10));

        FigureAssert.Written(files, "Confusion matrix: hybrid (MNIST test)", 1000, 650);
        var svg = File.ReadAllText(files.Svg);
        Assert.Contains(">909<", svg);
        Assert.Contains("Share of true class [%]", svg);
    }

    [Fact]
    public void HundredClassMatrixGrowsAndDropsCellText()
    {
        var files = ConfusionMatrixFigure.Write(_writer, _directory.Path, "confusion-100", "Confusion matrix: CIFAR-100", Matrix(100));

        var (width, height) = FigureAssert.PngSize(files.Png);
        Assert.True(height >= 100 * 11, $"height {height} leaves less than 11 px per class");
        FigureAssert.Written(files, "Confusion matrix: CIFAR-100", width, height);
        var svg = File.ReadAllText(files.Svg);
        Assert.DoesNotContain(">999<", svg); // the diagonal count of class 99
        Assert.Contains("90: digit 90", svg);
        Assert.DoesNotContain("91: digit 91", svg);
    }

    [Fact]
    public void MatrixMustMatchTheClasses()
    {
        var data = new ConfusionMatrixData("m", ["a", "b", "c"], new int[2, 2]);
        Assert.Throws<FigureInputException>(() => ConfusionMatrixFigure.Create("x", data));
    }

    [Fact]
    public void FeatureSpaceDrawsPcaAndTsne()
    {
        var random = new Random(4);
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (var i = 0; i < 150; i++)
        {
            var c = i % 3;
            rows.Add(Enumerable.Range(0, 8).Select(k => (k == c ? 6.0 : 0.0) + random.NextDouble()).ToArray());
            labels.Add(c);
        }

        var files = FeatureSpaceFigure.Write(_writer, _directory.Path, "features", "Feature space: hybrid",
            new FeatureSet(rows.ToArray(), labels, ["zero", "one", "two"]), new TsneOptions { Perplexity = 20, Seed = 2 });

        FigureAssert.Written(files, "Feature space: hybrid", 1000, 650);
        var svg = File.ReadAllText(files.Svg);
        Assert.Contains("t-SNE (perplexity 20, 150 points)", svg);
        Assert.Contains("% of variance", svg);

        // The class points are drawn over the pale region background: saturated orange ("one") must appear.
        using var bitmap = SkiaSharp.SKBitmap.Decode(files.Png);
        var orange = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                orange += c.Red > 200 && c.Green is > 100 and < 160 && c.Blue < 90 ? 1 : 0;
            }
        }

        Assert.True(orange > 300, $"only {orange} saturated orange pixels");
    }

    [Fact]
    public void FeatureSetRejectsLabelsOutsideTheClasses()
    {
        var set = new FeatureSet([[1.0], [2.0], [3.0]], [0, 1, 2], ["a", "b"]);
        var error = Assert.Throws<FigureInputException>(set.Validate);
        Assert.Contains("Label 2 of example 2", error.Message);
    }
}
