using System.Xml.Linq;
using HybridQsharp.Host.Figures;
using OxyPlot.Series;

namespace HybridQsharp.Tests.Host.Figures;

/// <summary>The sweep report's figures: bars with confidence-interval error bars, and curves with bands over seeds.</summary>
public sealed class SweepFigureTests : IDisposable
{
    private readonly FigureDirectory _directory = new();
    private readonly FigureWriter _writer = new(new FigureOptions());

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void IntervalBarsCarryTheMeanAndTheHalfWidthPerModelAndDataset()
    {
        DatasetIntervals[] datasets =
        [
            new("mnist",
            [
                new ModelInterval("hybrid", 0.991, 0.002, 5),
                new ModelInterval("classical", 0.985, 0.004, 5),
                new ModelInterval("twin", 0.990, null, 1),
            ]),
            new("cifar100", [new ModelInterval("hybrid", 0.44, 0.01, 3), new ModelInterval("classical", 0.33, 0.02, 3)]),
        ];

        var figure = AccuracyIntervalFigure.Create("Test accuracy", "Test accuracy", datasets);
        var files = AccuracyIntervalFigure.Write(_writer, _directory.Path, "intervals", "Test accuracy per model", "Test accuracy", datasets);

        Assert.Equal(2, figure.Panels.Count);
        var bars = Assert.IsType<ErrorBarSeries>(Assert.Single(figure.Panels[0].Series));
        Assert.Equal([99.1, 98.5, 99.0], bars.Items.Select(i => i.Value), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([0.2, 0.4, 0.0], bars.Items.Cast<ErrorBarItem>().Select(i => i.Error), (a, b) => Math.Abs(a - b) < 1e-9);

        // The same model has the same colour in every panel.
        var cifar = (ErrorBarSeries)figure.Panels[1].Series[0];
        Assert.Equal(bars.Items[0].Color, cifar.Items[0].Color);
        FigureAssert.Written(files, "Test accuracy per model", 1000, 650);
        var texts = XDocument.Load(files.Svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("twin (n = 1)", texts);
    }

    [Fact]
    public void CurveBandsDrawTheMeanInsideItsBand()
    {
        ModelCurveBand Model(string name, double level) =>
            new(name, [.. Enumerable.Range(1, 5).Select(e => level + (0.01 * e)).Select((m, i) => new EpochBand(i + 1, m, m - 0.02, m + 0.02, 3))]);
        DatasetCurveBands[] datasets = [new("mnist", [Model("hybrid", 0.9), Model("twin", 0.85)])];

        var figure = CurveBandFigure.Create("Validation accuracy", "Validation accuracy", datasets);
        var files = CurveBandFigure.Write(_writer, _directory.Path, "bands", "Validation accuracy per epoch", "Validation accuracy", datasets);

        var panel = Assert.Single(figure.Panels);
        var band = Assert.IsType<AreaSeries>(panel.Series[0]);
        var line = Assert.IsType<LineSeries>(panel.Series[1]);
        Assert.Equal(93.0, band.Points[0].Y, 9);
        Assert.Equal(89.0, band.Points2[0].Y, 9);
        Assert.Equal(91.0, line.Points[0].Y, 9);
        Assert.Equal("hybrid (n = 3)", line.Title);

        // Two seeds give wide t intervals; the band shows only the part a fraction can reach.
        DatasetCurveBands[] widest = [new("mnist", [new ModelCurveBand("twin", [new EpochBand(1, 0.5, -0.3, 1.4, 2)])])];
        var wide = CurveBandFigure.Create("w", "Validation accuracy", widest);
        var clipped = (AreaSeries)wide.Panels[0].Series[0];
        Assert.Equal((100.0, 0.0), (clipped.Points[0].Y, clipped.Points2[0].Y));
        FigureAssert.Written(files, "Validation accuracy per epoch", 1000, 650);
    }

    [Fact]
    public void BadInputIsNamed()
    {
        Assert.Contains("mean of 'hybrid' on 'mnist' is 1.5",
            Assert.Throws<FigureInputException>(() =>
                AccuracyIntervalFigure.Create("t", "Test accuracy", [new("mnist", [new ModelInterval("hybrid", 1.5, 0.1, 2)])])).Message);
        DatasetCurveBands[] outside = [new("mnist", [new ModelCurveBand("twin", [new EpochBand(1, 0.5, 0.6, 0.7, 2)])])];
        Assert.Contains("does not contain its mean",
            Assert.Throws<FigureInputException>(() => CurveBandFigure.Create("t", "Validation accuracy", outside)).Message);
        Assert.Throws<FigureInputException>(() => CurveBandFigure.Create("t", "Validation accuracy", []));
    }
}
