using HybridQsharp.Host.Sweeps;

namespace HybridQsharp.Tests.Host.Sweeps;

/// <summary>Grid files in JSON and YAML read into the same grid; every bad key or value is one line naming the file and the key.</summary>
public sealed class SweepGridFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hq-grid-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void JsonAndYamlGiveTheSameGrid()
    {
        var json = Write("grid.json", """
            {
              "models": ["hybrid", "classical"],
              "datasets": "mnist",
              "seeds": [1, 2, 3],
              "epochs": 15,
              "set": { "Preset": "paper", "Experiment:Attack": "paper", "Qsharp:RequestTimeout": "00:10:00" }
            }
            """);
        var yaml = Write("grid.yaml", """
            # the paper's protocol, shortened
            models: [hybrid, classical]
            dataset: mnist
            seeds:
              - 1
              - 2
              - 3
            epochs: 15
            set:
              Preset: paper
              Experiment:Attack: paper
              Qsharp:RequestTimeout: "00:10:00"
            """);

        var fromJson = SweepGridFile.Read(json);
        var fromYaml = SweepGridFile.Read(yaml);

        foreach (var grid in new[] { fromJson, fromYaml })
        {
            Assert.Equal(["hybrid", "classical"], grid.Models);
            Assert.Equal(["mnist"], grid.Datasets);
            Assert.Equal([1, 2, 3], grid.Seeds);
            Assert.Equal([15], grid.Epochs);
            Assert.Empty(grid.Qubits);
            Assert.Equal("paper", grid.Set["Preset"]);
            Assert.Equal("paper", grid.Set["Experiment:Attack"]);
            Assert.Equal("00:10:00", grid.Set["Qsharp:RequestTimeout"]);
        }
    }

    [Fact]
    public void EveryBadKeyAndValueIsOneLineNamingTheFileAndKey()
    {
        var path = Write("bad.yaml", """
            modles: [hybrid]
            seeds: [1, two]
            epochs: {a: 1}
            set: [Limit]
            """);

        var thrown = Assert.Throws<SweepGridException>(() => SweepGridFile.Read(path));

        Assert.Equal(4, thrown.Problems.Count);
        Assert.Contains("bad.yaml: unknown key 'modles'; expected one of: models, datasets, seeds", thrown.Problems[0]);
        Assert.Equal("bad.yaml: 'seeds' takes whole numbers, got 'two'", thrown.Problems[1]);
        Assert.Equal("bad.yaml: 'epochs' must be a value or a non-empty list of values, got a mapping", thrown.Problems[2]);
        Assert.StartsWith("bad.yaml: 'set' must be a mapping of configuration keys to values", thrown.Problems[3]);
        Assert.All(thrown.Problems, p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public void SyntaxErrorsMissingFilesAndOtherExtensionsAreOneLine()
    {
        var yaml = Write("broken.yaml", "models: hybrid\n  seeds: 1\n");
        var open = Write("open.yaml", "models: [hybrid\nseeds: 1\n");
        var json = Write("broken.json", "{ \"models\": [\"hybrid\" ");
        var text = Write("grid.txt", "models: hybrid");

        Assert.StartsWith("broken.yaml: not valid YAML at line 2, column", Problem(yaml));
        Assert.StartsWith("open.yaml: not valid YAML", Problem(open));
        Assert.StartsWith("broken.json: not valid JSON", Problem(json));
        Assert.Equal("grid.txt: a grid file is .json, .yaml or .yml", Problem(text));
        var missing = Path.Combine(_folder, "nope.yaml");
        Assert.Equal($"grid file '{missing}' does not exist", Problem(missing));
    }

    [Fact]
    public void AKeyGivenAsSingularAndPluralIsRefused()
    {
        var path = Write("twice.json", """{"seed": 1, "seeds": [2, 3]}""");

        var problem = Assert.Single(Assert.Throws<SweepGridException>(() => SweepGridFile.Read(path)).Problems);

        Assert.Contains("'seeds' is given twice", problem);
    }

    [Fact]
    public void FlagsReplaceTheFilesAxesAndAddToItsSettings()
    {
        var file = new SweepGrid(["hybrid"], ["mnist"], [1, 2], [5], [], [], [], [],
            new Dictionary<string, string> { ["Limit"] = "100", ["Preset"] = "quick" });
        var flags = SweepGrid.Empty with { Seeds = [7], Set = new Dictionary<string, string> { ["Preset"] = "paper" } };

        var merged = file.OverriddenBy(flags);

        Assert.Equal(["hybrid"], merged.Models);
        Assert.Equal([7], merged.Seeds);
        Assert.Equal([5], merged.Epochs);
        Assert.Equal("100", merged.Set["Limit"]);
        Assert.Equal("paper", merged.Set["Preset"]);
    }

    private static string Problem(string path) => Assert.Single(Assert.Throws<SweepGridException>(() => SweepGridFile.Read(path)).Problems);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
