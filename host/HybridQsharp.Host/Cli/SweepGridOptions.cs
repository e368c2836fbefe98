using System.CommandLine;
using System.Globalization;
using HybridQsharp.Host.Sweeps;

namespace HybridQsharp.Host.Cli;

/// <summary>The grid of <c>hybridq sweep</c> on the command line: axes (several values each) and settings every cell shares.</summary>
public sealed class SweepGridOptions
{
    public Option<string> Grid { get; } = new("--grid")
    {
        Description = "A grid file (.json, .yaml): models, datasets, seeds, epochs, qubits, layers, encodings, ansatzes, set. "
            + "Flags given beside it replace its axes.",
    };
    public Option<string[]> Models { get; } = Axis<string>("--models", "Models (axis): hybrid, classical, twin, both, all. Default: all.");
    public Option<string[]> Datasets { get; } = Axis<string>("--datasets", "Datasets (axis): mnist, cifar100, stl10. Default: the configured one.");
    public Option<int[]> Seeds { get; } = Axis<int>("--seeds", "Seeds (axis): a cell per seed; statistics pair models by seed. Default: 1 2 3 4 5.");
    public Option<int[]> Epochs { get; } = Axis<int>("--epochs", "Epochs (axis; default: the preset's).");
    public Option<int[]> Qubits { get; } = Axis<int>("--qubits", "Qubits of the quantum layer (axis).");
    public Option<int[]> Layers { get; } = Axis<int>("--layers", "Ansatz layers (axis).");
    public Option<string[]> Encodings { get; } = Axis<string>("--encodings", "Encodings (axis): amplitude, angle.");
    public Option<string[]> Ansatzes { get; } = Axis<string>("--ansatzes", "Ansatzes (axis): basic, strong, reuploading, qcnn, hardware-efficient.");
    public Option<string> Preset { get; } = new("--preset") { Description = "quick or paper, for every cell." };
    public Option<int?> Limit { get; } = new("--limit") { Description = "Training images per cell (a seeded subset)." };
    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Batch size of every cell." };
    public Option<string> DataDirectory { get; } = new("--data-dir") { Description = "Folder with the dataset's files (MNIST needs none)." };
    public Option<string> Attack { get; } = new("--attack") { Description = "Per-epoch robustness attack of every cell: sound (default) or paper." };

    public IEnumerable<Option> All =>
        [Grid, Models, Datasets, Seeds, Epochs, Qubits, Layers, Encodings, Ansatzes, Preset, Limit, BatchSize, DataDirectory, Attack];

    /// <summary>
    /// The grid the command line describes: the grid file's, with each axis given as a flag replacing the file's, and the
    /// flags' settings and every --set value added to its settings. Also where it came from, for messages.
    /// </summary>
    /// <exception cref="SweepGridException">The grid file is missing, unreadable or holds bad keys or values.</exception>
    public (SweepGrid Grid, string Source) Read(ParseResult parse, IReadOnlyList<string> settings)
    {
        var file = parse.GetValue(Grid);
        var fromFile = file is null ? SweepGrid.Empty : SweepGridFile.Read(file);
        var set = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                set[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        Add("Experiment:Preset", parse.GetValue(Preset));
        Add("Experiment:Limit", parse.GetValue(Limit));
        Add("Experiment:BatchSize", parse.GetValue(BatchSize));
        Add("Experiment:DataDirectory", parse.GetValue(DataDirectory) is { } directory ? Path.GetFullPath(directory) : null);
        Add("Experiment:Attack", parse.GetValue(Attack));
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                set[setting[..equals]] = setting[(equals + 1)..];
            }
        }

        var fromFlags = new SweepGrid(
            parse.GetValue(Models) ?? [], parse.GetValue(Datasets) ?? [], parse.GetValue(Seeds) ?? [], parse.GetValue(Epochs) ?? [],
            parse.GetValue(Qubits) ?? [], parse.GetValue(Layers) ?? [], parse.GetValue(Encodings) ?? [], parse.GetValue(Ansatzes) ?? [], set);
        var source = file is null ? "flags" : Path.GetFileName(file);
        return (fromFile.OverriddenBy(fromFlags), source);
    }

    private static Option<T[]> Axis<T>(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true };
}
