using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Experiments;
using Microsoft.Extensions.Configuration;

namespace HybridQsharp.Host.Sweeps;

/// <summary>
/// Expands a grid into cells and checks each one as its own run would (the same settings parser), before anything
/// runs: every bad key or value is one line naming it and where it came from, and a dataset whose files are missing
/// is named with the command that fetches them.
/// </summary>
/// <param name="configuration">The sweep host's configuration (appsettings.json, HYBRIDQ__ variables, --set), what a cell's host starts from
/// too.</param>
public sealed class SweepPlanner(IConfiguration configuration, ExperimentSettingsParser parser)
{
    /// <summary>The seeds of a grid that names none: five, as the statistics want several.</summary>
    public static IReadOnlyList<int> DefaultSeeds { get; } = [1, 2, 3, 4, 5];

    /// <summary>The models of a grid that names none: all three, as the claims compare hybrid with classical and twin.</summary>
    public const string DefaultModels = "all";

    private const string Experiment = ExperimentOptions.Section + ":";

    // Sections a cell's host reads; a set key in another section is a typo.
    private static readonly string[] Sections = [ExperimentOptions.Section, "Qsharp", "Figures", "AzureQuantum", "Slurm", "Logging"];

    // Keys the grid's axes own, and keys the sweep itself sets for every cell.
    private static readonly Dictionary<string, string> AxisKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Model"] = "models", ["Dataset"] = "datasets", ["Seed"] = "seeds", ["Epochs"] = "epochs",
        ["Qubits"] = "qubits", ["Layers"] = "layers", ["Encoding"] = "encodings", ["Ansatz"] = "ansatzes",
    };

    private static readonly string[] SweepKeys = ["Output", "Resume"];

    private static readonly IReadOnlyList<string> ExperimentKeys =
        [.. typeof(ExperimentOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name)];

    /// <summary>The cells of <paramref name="grid"/>, in axis order (dataset, model, seed, then the other axes).</summary>
    /// <param name="source">Names the grid in messages: "flags" or the grid file's name.</param>
    /// <exception cref="SweepGridException">Some key or value is not valid, or a dataset's files are missing.</exception>
    public IReadOnlyList<SweepCell> Expand(SweepGrid grid, string source)
    {
        var problems = new List<string>();
        var constants = Constants(grid.Set, source, problems);
        var models = Models(grid.Models, source, problems);

        // Bad settings leave no configuration to check cells against; bad models still leave the others to check.
        if (problems.Count > 0 && (constants.Count < grid.Set.Count || models.Count == 0))
        {
            throw new SweepGridException(problems);
        }

        var baseOptions = configuration.GetSection(ExperimentOptions.Section).Get<ExperimentOptions>() ?? new ExperimentOptions();
        var extraAxes = new List<(string Key, IReadOnlyList<string> Values)>
        {
            ("Epochs", Invariant(grid.Epochs)), ("Qubits", Invariant(grid.Qubits)), ("Layers", Invariant(grid.Layers)),
            ("Encoding", grid.Encodings), ("Ansatz", grid.Ansatzes),
        };
        var varying = extraAxes.Where(a => a.Values.Count > 1).Select(a => a.Key).ToHashSet();
        var combinations = extraAxes.Aggregate(
            (IEnumerable<List<KeyValuePair<string, string>>>)[[]],
            (sofar, axis) => axis.Values.Count == 0
                ? sofar
                : sofar.SelectMany(c => axis.Values.Select(v => (List<KeyValuePair<string, string>>)[.. c, new(axis.Key, v)])));
        var cells = new List<SweepCell>();
        foreach (var dataset in grid.Datasets.Count > 0 ? grid.Datasets : [baseOptions.Dataset])
        {
            foreach (var model in models)
            {
                foreach (var seed in grid.Seeds.Count > 0 ? grid.Seeds : DefaultSeeds)
                {
                    foreach (var extra in combinations)
                    {
                        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
                        foreach (var (key, value) in constants)
                        {
                            settings[key] = value;
                        }

                        settings[Experiment + "Dataset"] = dataset.Trim().ToLowerInvariant();
                        settings[Experiment + "Model"] = model.Key();
                        settings[Experiment + "Seed"] = seed.ToString(CultureInfo.InvariantCulture);
                        foreach (var (key, value) in extra)
                        {
                            settings[Experiment + key] = value.Trim();
                        }

                        var id = CellId(dataset, model, seed, extra.Where(e => varying.Contains(e.Key)).ToList());
                        cells.Add(new SweepCell(id, dataset.Trim().ToLowerInvariant(), model, seed, settings));
                    }
                }
            }
        }

        CheckCells(cells, source, problems);
        if (problems.Count > 0)
        {
            throw new SweepGridException(problems);
        }

        var duplicate = cells.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SweepGridException([$"{source}: the grid gives cell '{duplicate.Key}' twice; list each axis value once"]);
        }

        return cells;
    }

    /// <summary>
    /// A readable, stable id: dataset-model-s&lt;seed&gt;, and when other axes vary, a short hash of their values
    /// (e.g. mnist-hybrid-s3-4f1a2c), so the same grid always names its cells the same way.
    /// </summary>
    public static string CellId(string dataset, ModelKind model, int seed, IReadOnlyList<KeyValuePair<string, string>> varyingAxes)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{dataset.Trim().ToLowerInvariant()}-{model.Key()}-s{seed}");
        if (varyingAxes.Count == 0)
        {
            return id;
        }

        var text = string.Join(';',
            varyingAxes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.Trim().ToLowerInvariant()}"));
        return id + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..6];
    }

    /// <summary>The cell's configuration: the sweep host's, then the cell's settings on top (what run-cell's host sees).</summary>
    public IConfiguration CellConfiguration(IReadOnlyDictionary<string, string> settings) =>
        new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(settings!).Build();

    private static List<string> Invariant(IReadOnlyList<int> values) => [.. values.Select(v => v.ToString(CultureInfo.InvariantCulture))];

    private static List<ModelKind> Models(IReadOnlyList<string> selections, string source, List<string> problems)
    {
        var kinds = new List<ModelKind>();
        foreach (var selection in selections.Count > 0 ? selections : [DefaultModels])
        {
            var parsed = ModelKinds.ParseSelection(selection);
            if (parsed is null)
            {
                problems.Add($"{source}: models: unknown model '{selection}'; expected one of: {string.Join(", ", ModelKinds.SelectionKeys)}");
                continue;
            }

            kinds.AddRange(parsed.Where(k => !kinds.Contains(k)));
        }

        return kinds;
    }

    /// <summary>The grid's constant settings with full keys ("Limit" → "Experiment:Limit") and full paths, each key checked.</summary>
    private static List<KeyValuePair<string, string>> Constants(IReadOnlyDictionary<string, string> set, string source, List<string> problems)
    {
        var constants = new List<KeyValuePair<string, string>>();
        foreach (var (given, value) in set)
        {
            var key = given.Contains(':', StringComparison.Ordinal) ? given : Experiment + given;
            var section = key[..key.IndexOf(':', StringComparison.Ordinal)];
            var name = key[(section.Length + 1)..];
            var knownSection = Sections.FirstOrDefault(s => string.Equals(s, section, StringComparison.OrdinalIgnoreCase));
            if (knownSection is null)
            {
                problems.Add($"{source}: set '{given}': unknown configuration section '{section}'; expected one of: {string.Join(", ", Sections)}");
                continue;
            }

            if (knownSection != ExperimentOptions.Section)
            {
                constants.Add(new($"{knownSection}:{name}", value));
                continue;
            }

            var property = name.Split(':')[0];
            var known = ExperimentKeys.FirstOrDefault(k => string.Equals(k, property, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                var settable = ExperimentKeys.Where(k => !AxisKeys.ContainsKey(k) && !SweepKeys.Contains(k));
                problems.Add($"{source}: set '{given}': unknown experiment setting '{property}'; expected one of: {string.Join(", ", settable)}");
            }
            else if (AxisKeys.TryGetValue(known, out var axis))
            {
                problems.Add($"{source}: set '{given}': {known} is an axis of the grid; give it as '{axis}'");
            }
            else if (SweepKeys.Contains(known))
            {
                problems.Add($"{source}: set '{given}': the sweep chooses each cell's {known} (its folder under cells/)");
            }
            else
            {
                var isPath = known is nameof(ExperimentOptions.DataDirectory) or nameof(ExperimentOptions.QsharpFiles);
                var path = isPath && value.Length > 0 ? Path.GetFullPath(value) : value;
                constants.Add(new(Experiment + known + name[property.Length..], path));
            }
        }

        return constants;
    }

    /// <summary>Each cell parsed as its run will parse it; each distinct problem once. Then the datasets' files.</summary>
    private void CheckCells(IReadOnlyList<SweepCell> cells, string source, List<string> problems)
    {
        var seen = new HashSet<string>();
        var settingsByCell = new List<ExperimentSettings>();
        foreach (var cell in cells)
        {
            var cellProblems = new List<string>();
            ExperimentOptions? options = null;
            try
            {
                options = CellConfiguration(cell.Settings).GetSection(ExperimentOptions.Section).Get<ExperimentOptions>();
            }
            catch (InvalidOperationException e)
            {
                // The binder names the key and the type: "Failed to convert configuration value at 'Experiment:Limit' to type ...".
                cellProblems.Add(e.Message.TrimEnd('.'));
            }

            var settings = options is null ? null : parser.TryParse(options, cellProblems);
            foreach (var problem in cellProblems.Where(seen.Add))
            {
                problems.Add($"{source}: {problem}");
            }

            if (settings is not null)
            {
                settingsByCell.Add(settings);
            }
        }

        if (problems.Count > 0)
        {
            return;
        }

        foreach (var group in settingsByCell.GroupBy(s => (s.Dataset.Key, Folder: s.Dataset.ResolveFolder(s.DataDirectory))))
        {
            var dataset = group.First().Dataset;
            if (!dataset.HasOfficialFiles(group.Key.Folder))
            {
                problems.Add(MissingFiles(dataset, group.Key.Folder, group.First().DataDirectory));
            }
        }
    }

    private static string MissingFiles(DatasetDefinition dataset, string folder, string? dataDirectory)
    {
        var directory = dataDirectory is null ? string.Empty : $" --data-dir {dataDirectory}";
        var fetch = dataset.Archive is { } archive
            ? $"fetch them once with: hybridq data verify --dataset {dataset.Key}{directory} (downloads {archive.Url})"
            : $"put the official {dataset.FilesDescription} files there";
        return $"{dataset.DisplayName}: the files are not in {folder}; {fetch}, or point the sweep at them with --data-dir DIR";
    }
}
