using HybridQsharp.Host.Figures;

namespace HybridQsharp.Tests.Host.Figures;

public sealed class TrainingCurvesFigureTests : IDisposable
{
    private readonly FigureDirectory _directory = new();
    private readonly FigureWriter _writer = new(new FigureOptions());

    public void Dispose() => _directory.Dispose();

    internal static ModelTrainingHistory History(string model, int epochs, double offset) =>
        new(model, Enumerable.Range(1, epochs).Select(e => new EpochMetrics(
            e, 2.3 / e + offset, 2.4 / e + offset, Math.Min(0.99, 0.5 + 0.04 * e - offset), 0.45 + 0.04 * e - offset,
            e % 5 == 0 ? 0.3 + 0.02 * e : null)).ToList());

    [Fact]
    public void WritesPngOfDefaultSizeAndSvgWithTitle()
    {
        var files = TrainingCurvesFigure.Write(_writer, _directory.Path, "training-curves", "MNIST training curves",
            [History("hybrid", 12, 0.0), History("classical", 12, 0.05), History("twin", 12, 0.1)]);

        FigureAssert.Written(files, "MNIST training curves", 1000, 650);
        var svg = File.ReadAllText(files.Svg);
        Assert.Contains("hybrid validation", svg);
        Assert.Contains("Macro F1", svg);
    }

    [Fact]
    public void RejectsAccuracyGivenInPercent()
    {
        var bad = new ModelTrainingHistory("hybrid", [new EpochMetrics(1, 1.0, 1.0, 97.5, 0.9)]);
        var error = Assert.Throws<FigureInputException>(() => TrainingCurvesFigure.Create("t", [bad]));
        Assert.Contains("validation accuracy of model 'hybrid' epoch 1", error.Message);
    }

    [Fact]
    public void OverwritesAnExistingFigure()
    {
        var first = TrainingCurvesFigure.Write(_writer, _directory.Path, "curves", "First", [History("hybrid", 3, 0)]);
        var second = TrainingCurvesFigure.Write(_writer, _directory.Path, "curves", "Second", [History("hybrid", 3, 0)]);

        Assert.Equal(first, second);
        Assert.Contains("Second", File.ReadAllText(second.Svg));
        Assert.DoesNotContain("First", File.ReadAllText(second.Svg));
    }
}
