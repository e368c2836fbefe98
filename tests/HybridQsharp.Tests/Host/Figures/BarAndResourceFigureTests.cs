using System.Xml.Linq;
using HybridQsharp.Host.Figures;

namespace HybridQsharp.Tests.Host.Figures;

public sealed class BarAndResourceFigureTests : IDisposable
{
    private readonly FigureDirectory _directory = new();
    private readonly FigureWriter _writer = new(new FigureOptions());

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void ResourceUseHasOnePanelPerModelPlusCpuAndMemory()
    {
        static ModelResourceHistory Model(string name, double q) => new(name, Enumerable.Range(1, 6)
            .Select(e => new EpochResourceUse(e, 1.5, 10 + e, q, 12 + e + q, 300 + 10 * e)).ToList());

        var figure = ResourceUseFigure.Create("Resources", [Model("hybrid", 30), Model("classical", 0)]);
        Assert.Equal(4, figure.Panels.Count);
        Assert.Equal(3, figure.Panels[0].Series.Count);

        var files =
            ResourceUseFigure.Write(_writer, _directory.Path, "resources", "Resource use per epoch", [Model("hybrid", 30), Model("classical", 0)]);
        FigureAssert.Written(files, "Resource use per epoch", 1000, 650);
        Assert.Contains("Peak working set [MB]", File.ReadAllText(files.Svg));
    }

    [Fact]
    public void ResourceUseRejectsNegativeTime()
    {
        var bad = new ModelResourceHistory("hybrid", [new EpochResourceUse(1, -1, 1, 1, 1, 1)]);
        Assert.Throws<FigureInputException>(() => ResourceUseFigure.Create("r", [bad]));
    }

    [Fact]
    public void MetricComparisonShowsEveryModel()
    {
        var files = MetricComparisonFigure.Write(_writer, _directory.Path, "metrics", "Metric comparison (test set)",
        [
            new ModelMetrics("hybrid", 0.981, 0.979, 0.980, 0.980),
            new ModelMetrics("classical", 0.985, 0.984, 0.985, 0.984),
            new ModelMetrics("twin", 0.975, 0.973, 0.974, 0.974),
        ]);

        FigureAssert.Written(files, "Metric comparison (test set)", 1000, 650);
        var texts = XDocument.Load(files.Svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("twin", texts);
        Assert.Contains("98.1", texts);
    }

    [Fact]
    public void TestResultsPutPaperValuesBesideOurs()
    {
        var plot = TestResultsFigure.Create("Test results",
        [
            new ModelTestResult("hybrid", 0.97, 0.41, PaperTestAccuracy: 0.98, PaperRobustAccuracy: 0.45),
            new ModelTestResult("classical", 0.98, 0.30),
        ]);
        Assert.Equal(["hybrid", "hybrid (paper)", "classical"], plot.Series.Select(s => s.Title));

        var files = TestResultsFigure.Write(_writer, _directory.Path, "test-results", "Test results",
            [new ModelTestResult("hybrid", 0.97, 0.41, 0.98, 0.45), new ModelTestResult("classical", 0.98, 0.30)]);
        FigureAssert.Written(files, "Test results", 1000, 650);
    }

    [Fact]
    public void ClassDistributionFor100ClassesWidensTheFigure()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"class{i}").ToList();
        var splits = new[] { "train", "validation", "test" }
            .Select((s, k) => new SplitClassCounts(s, names.Select((_, i) => 450 / (k + 1) + i % 7).ToList())).ToList();

        var files = ClassDistributionFigure.Write(_writer, _directory.Path, "classes", "CIFAR-100 class distribution", names, splits);

        FigureAssert.Written(files, "CIFAR-100 class distribution", 1700, 650);
    }

    [Fact]
    public void ClassDistributionChecksCountsAgainstClasses()
    {
        var error = Assert.Throws<FigureInputException>(() =>
            ClassDistributionFigure.Create("c", ["a", "b"], [new SplitClassCounts("train", [1, 2, 3])]));
        Assert.Contains("'train' has 3 counts for 2 classes", error.Message);
    }
}
