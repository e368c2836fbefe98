using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Memory;

namespace HybridQsharp.Host.Experiments;

/// <summary>
/// What to train and how, as types: the experiment options after they were parsed and checked
/// once at the edge (<see cref="ExperimentSettingsParser"/>). Backend and gradient are the keys of
/// registered services, resolved when the circuit is prepared.
/// </summary>
public sealed record ExperimentSettings
{
    public required DatasetDefinition Dataset { get; init; }

    public string? DataDirectory { get; init; }

    public required IReadOnlyList<ModelKind> Models { get; init; }

    public Preset Preset { get; init; } = Preset.Quick;

    public int? Epochs { get; init; }

    public int? BatchSize { get; init; }

    public int? Limit { get; init; }

    public int Seed { get; init; } = 42;

    public int Qubits { get; init; } = 4;

    public int Layers { get; init; } = 2;

    public Encoding Encoding { get; init; } = Encoding.Amplitude;

    public AnsatzDefinition Ansatz { get; init; } = AnsatzCatalog.Basic;

    /// <summary>Overrides the feature count a user's circuit declares (--features).</summary>
    public int? Features { get; init; }

    /// <summary>Overrides the weight count a user's circuit declares (--weights).</summary>
    public int? Weights { get; init; }

    /// <summary>The semantics of the per-epoch robustness attack.</summary>
    public AttackSemantics Attack { get; init; } = AttackSemantics.Sound;

    public double AttackEpsilon { get; init; } = 0.1;

    public double AttackStepSize { get; init; } = 0.01;

    public int AttackSteps { get; init; } = 10;

    /// <summary>Overrides the preset's number of images per robustness measurement.</summary>
    public int? RobustnessSamples { get; init; }

    public ReportFigures ReportFigures { get; init; } = ReportFigures.All;

    public string Backend { get; init; } = "native";

    public string Gradient { get; init; } = "parameter-shift";

    public string? Output { get; init; }

    public bool Resume { get; init; }

    /// <summary>Torch at one intra-op thread (see <see cref="ExperimentOptions.Deterministic"/>).</summary>
    public bool Deterministic { get; init; }

    /// <summary>What the run may use; the quantum workload is planned against it before training.</summary>
    public MemoryBudget MemoryBudget { get; init; } = MemoryBudget.Default;

    public IReadOnlyList<string> QsharpFiles { get; init; } = [];

    public string? Operation { get; init; }

    /// <summary>The preset resolved against the overrides.</summary>
    public ExperimentPlan Plan => Preset switch
    {
        Preset.Paper => new ExperimentPlan(Preset.Paper, Epochs ?? 50, BatchSize ?? 64, Limit, null, null, 5, RobustnessSamples),
        Preset.Full => ExperimentPlan.WholeSplits with { Epochs = Epochs ?? 1, BatchSize = BatchSize ?? 64, TrainLimit = Limit },

        // Quick: minutes on 2 cores, every stage exercised once (robustness on the last epoch).
        _ => QuickPlan(Epochs ?? 3, BatchSize ?? 64, Limit ?? 2_000, RobustnessSamples ?? 256),
    };

    /// <summary>The per-epoch robustness attack, on this dataset's normalisation.</summary>
    public PgdAttack TrainingAttack => AttackOf(Attack);

    /// <summary>
    /// What the best model meets on the test split at the end: sound PGD, the paper's PGD and the paper's clamp alone (and the training attack when
    /// it is none of them).
    /// </summary>
    public IReadOnlyList<PgdAttack> TestAttacks =>
        [.. new[] { AttackSemantics.Sound, AttackSemantics.Paper, AttackSemantics.ClampOnly, Attack }.Distinct().Select(AttackOf)];

    /// <summary>PGD with these settings' ε, α and steps and the given semantics, on this dataset's normalisation.</summary>
    public PgdAttack AttackOf(AttackSemantics semantics) =>
        new(AttackEpsilon, AttackStepSize, AttackSteps) { Semantics = semantics, Normalization = Dataset.Normalization };

    /// <summary>The folder a new run writes to when --out is not given: runs/&lt;dataset&gt;-&lt;preset&gt;-&lt;UTC time&gt;.</summary>
    public string RunFolderPath => Output ?? Path.Combine("runs", $"{Dataset.Key}-{Preset.Key()}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");

    private static ExperimentPlan QuickPlan(int epochs, int batchSize, int limit, int robustnessSamples) =>
        new(Preset.Quick, epochs, batchSize, limit, Math.Max(200, limit / 4), Math.Max(500, limit / 2), epochs, robustnessSamples);
}
