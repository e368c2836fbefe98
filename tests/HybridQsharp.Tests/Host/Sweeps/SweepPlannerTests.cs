using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Sweeps;

namespace HybridQsharp.Tests.Host.Sweeps;

/// <summary>
/// A grid expands into cells the way its axes multiply, each cell carrying the settings its run will be given and a
/// stable, readable id; every bad value is reported once, before anything runs.
/// </summary>
public sealed class SweepPlannerTests : IAsyncLifetime
{
    private TestHost _host = null!;

    private SweepPlanner Planner => _host.Get<SweepPlanner>();

    public Task InitializeAsync()
    {
        _host = new TestHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void TheAxesMultiplyAndEveryCellGetsTheConstants()
    {
        var grid = SweepGrid.Empty with
        {
            Models = ["both", "twin"],
            Seeds = [1, 2, 3],
            Epochs = [2],
            Set = new Dictionary<string, string> { ["Limit"] = "128", ["Qsharp:RequestTimeout"] = "00:05:00" },
        };

        var cells = Planner.Expand(grid, "flags");

        Assert.Equal(9, cells.Count);
        Assert.Equal(
            ["mnist-hybrid-s1", "mnist-hybrid-s2", "mnist-hybrid-s3", "mnist-classical-s1", "mnist-classical-s2", "mnist-classical-s3",
             "mnist-twin-s1", "mnist-twin-s2", "mnist-twin-s3"],
            cells.Select(c => c.Id));
        var cell = cells[4];
        Assert.Equal((ModelKind.Classical, 2, "mnist"), (cell.Model, cell.Seed, cell.Dataset));
        Assert.Equal("classical", cell.Settings["Experiment:Model"]);
        Assert.Equal("2", cell.Settings["Experiment:Seed"]);
        Assert.Equal("2", cell.Settings["Experiment:Epochs"]);
        Assert.Equal("128", cell.Settings["Experiment:Limit"]);
        Assert.Equal("00:05:00", cell.Settings["Qsharp:RequestTimeout"]);
        Assert.All(cells, c => Assert.Equal(CellStatus.Pending, c.State));
    }

    [Fact]
    public void AVaryingExtraAxisAddsAStableHashToTheId()
    {
        var grid = SweepGrid.Empty with { Models = ["hybrid"], Seeds = [1], Qubits = [2, 4], Encodings = ["angle"] };

        var first = Planner.Expand(grid, "flags");
        var again = Planner.Expand(grid, "flags");

        Assert.Equal(2, first.Count);
        Assert.All(first, c => Assert.Matches("^mnist-hybrid-s1-[0-9a-f]{6}$", c.Id));
        Assert.NotEqual(first[0].Id, first[1].Id);
        Assert.Equal(first.Select(c => c.Id), again.Select(c => c.Id));

        // The hash covers the varying axes only: a constant encoding does not change it.
        Assert.Equal(SweepPlanner.CellId("mnist", ModelKind.Hybrid, 1, [new("Qubits", "2")]), first[0].Id);
        Assert.Equal(["2", "4"], first.Select(c => c.Settings["Experiment:Qubits"]));
    }

    [Fact]
    public void NoModelsOrSeedsMeansAllModelsAndFiveSeeds()
    {
        var cells = Planner.Expand(SweepGrid.Empty, "flags");

        Assert.Equal(15, cells.Count);
        Assert.Equal([ModelKind.Hybrid, ModelKind.Classical, ModelKind.Twin], cells.Select(c => c.Model).Distinct());
        Assert.Equal([1, 2, 3, 4, 5], cells.Select(c => c.Seed).Distinct());
    }

    [Fact]
    public void EachBadValueIsOneLineOnceNamingTheSource()
    {
        var grid = SweepGrid.Empty with
        {
            Models = ["hybrid", "hybird"],
            Seeds = [1, 2],
            Encodings = ["basis"],
            Set = new Dictionary<string, string> { ["Attack"] = "clamp-only" },
        };

        var problems = Assert.Throws<SweepGridException>(() => Planner.Expand(grid, "grid.yaml")).Problems;

        Assert.Equal(3, problems.Count);
        Assert.Contains("grid.yaml: models: unknown model 'hybird'; expected one of: hybrid, classical, twin, both, all", problems);
        Assert.Contains(problems, p => p.StartsWith("grid.yaml: unknown encoding 'basis'", StringComparison.Ordinal));
        Assert.Contains("grid.yaml: unknown attack 'clamp-only'; expected one of: sound, paper, normalised-unclamped", problems);
    }

    [Fact]
    public void SettingsTheSweepOwnsOrDoesNotKnowAreRefused()
    {
        var grid = SweepGrid.Empty with
        {
            Set = new Dictionary<string, string>
            {
                ["Seed"] = "3", ["Output"] = "x", ["Epoch"] = "3", ["Qsahrp:NodePath"] = "node", ["Limit"] = "many",
            },
        };

        var problems = Assert.Throws<SweepGridException>(() => Planner.Expand(grid, "flags")).Problems;

        Assert.Equal(4, problems.Count);
        Assert.Contains("flags: set 'Seed': Seed is an axis of the grid; give it as 'seeds'", problems);
        Assert.Contains("flags: set 'Output': the sweep chooses each cell's Output (its folder under cells/)", problems);
        Assert.Contains(problems, p => p.StartsWith("flags: set 'Epoch': unknown experiment setting 'Epoch'", StringComparison.Ordinal));
        Assert.Contains(problems,
            p => p.StartsWith("flags: set 'Qsahrp:NodePath': unknown configuration section 'Qsahrp'", StringComparison.Ordinal));
    }

    [Fact]
    public void AValueOfTheWrongTypeNamesItsKey()
    {
        var grid = SweepGrid.Empty with { Models = ["classical"], Seeds = [1], Set = new Dictionary<string, string> { ["Limit"] = "many" } };

        var problem = Assert.Single(Assert.Throws<SweepGridException>(() => Planner.Expand(grid, "g.json")).Problems);

        Assert.Contains("g.json:", problem);
        Assert.Contains("'Experiment:Limit'", problem);
    }

    [Fact]
    public void MissingDatasetFilesNameTheCommandThatFetchesThem()
    {
        var empty = Directory.CreateTempSubdirectory("hq-nodata-").FullName;
        try
        {
            var grid = SweepGrid.Empty with
            {
                Datasets = ["cifar100"], Models = ["classical"], Seeds = [1], Set = new Dictionary<string, string> { ["DataDirectory"] = empty },
            };

            var problem = Assert.Single(Assert.Throws<SweepGridException>(() => Planner.Expand(grid, "flags")).Problems);

            Assert.StartsWith(
                $"CIFAR-100: the files are not in {empty}; fetch them once with: hybridq data verify --dataset cifar100 --data-dir {empty}", problem);
            Assert.Contains("or point the sweep at them with --data-dir DIR", problem);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
