using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training.Attacks;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Memory;

namespace HybridQsharp.Host.Experiments;

/// <summary>
/// Turns the experiment's configuration strings into <see cref="ExperimentSettings"/>, or into
/// one readable problem per bad value. The only place the names of choices are read.
/// </summary>
public sealed class ExperimentSettingsParser(
    DatasetCatalog datasets, IEnumerable<QuantumBackendRegistration> backends, IEnumerable<GradientMethodRegistration> gradients)
{
    private static readonly Dictionary<string, Encoding> Encodings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["amplitude"] = Encoding.Amplitude,
        ["angle"] = Encoding.Angle,
    };

    private static readonly Dictionary<string, ReportFigures> ReportFigureChoices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["all"] = ReportFigures.All,
        ["metrics"] = ReportFigures.Metrics,
    };

    /// <summary>The largest register the host accepts (amplitude encoding needs 2ⁿ reducer outputs).</summary>
    public const int MaxQubits = 20;

    private readonly IReadOnlyList<QuantumBackendRegistration> _backends = backends.ToList();
    private readonly IReadOnlyList<GradientMethodRegistration> _gradients = gradients.ToList();

    /// <summary>The settings, or null with every problem in <paramref name="problems"/>.</summary>
    public ExperimentSettings? TryParse(ExperimentOptions options, List<string> problems)
    {
        var dataset = datasets.Find(options.Dataset);
        if (dataset is null)
        {
            problems.Add(Unknown("dataset", options.Dataset, datasets.Keys));
        }

        var models = ModelKinds.ParseSelection(options.Model);
        if (models is null)
        {
            problems.Add(Unknown("model", options.Model, ModelKinds.SelectionKeys));
        }

        var preset = Lookup(Presets.Selectable, options.Preset, "preset", problems);
        var encoding = Lookup(Encodings, options.Encoding, "encoding", problems);
        var ansatz = AnsatzCatalog.All.FirstOrDefault(a => string.Equals(a.Key, options.Ansatz?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (ansatz is null)
        {
            problems.Add(Unknown("ansatz", options.Ansatz, AnsatzCatalog.Keys));
        }
        else if (options.QsharpFiles.Length == 0 && Encodings.ContainsKey(options.Encoding?.Trim() ?? string.Empty) && !ansatz.Supports(encoding))
        {
            problems.Add(
                $"the {ansatz.Key} ansatz takes {string.Join(" or ", ansatz.Encodings.Select(e => e.ToString().ToLowerInvariant()))} encoding, " +
                $"not {options.Encoding}");
        }
        var backend = _backends.FirstOrDefault(b => string.Equals(b.Key, options.Backend?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (backend is null)
        {
            problems.Add(Unknown("backend", options.Backend, _backends.Select(b => b.Key)));
        }

        var gradientKey = string.Equals(options.Gradient?.Trim(), GradientDefaults.Auto, StringComparison.OrdinalIgnoreCase) && backend is not null
            ? GradientDefaults.KeyFor(options.Qubits, backend.Capabilities)
            : options.Gradient?.Trim();
        var gradient = _gradients.FirstOrDefault(g => string.Equals(g.Key, gradientKey, StringComparison.OrdinalIgnoreCase));
        if (gradient is null)
        {
            problems.Add(Unknown("gradient", options.Gradient, [GradientDefaults.Auto, .. _gradients.Select(g => g.Key)]));
        }
        else if (backend is not null && !gradient.Supports(backend.Capabilities))
        {
            problems.Add($"the {gradient.Key} gradient needs a backend with {gradient.RequiredCapabilities} access, " +
                $"which the {backend.Key} backend does not offer; " +
                $"use one of: {string.Join(", ", _backends.Where(b => gradient.Supports(b.Capabilities)).Select(b => b.Key))}");
        }

        var attack = ParseAttack(options.Attack, problems);
        if (!(options.AttackEpsilon is > 0 and <= 10))
        {
            problems.Add($"attack epsilon must lie in (0, 10], got {options.AttackEpsilon}");
        }

        if (!(options.AttackStepSize is > 0 and <= 10))
        {
            problems.Add($"attack step size must lie in (0, 10], got {options.AttackStepSize}");
        }

        CheckRange("attack steps", options.AttackSteps, 1, 10_000, problems);
        CheckRange("robustness samples", options.RobustnessSamples, 1, int.MaxValue, problems);
        CheckRange("memory budget (MB)", options.MemoryBudget, 256, int.MaxValue, problems);
        var figures = Lookup(ReportFigureChoices, options.ReportFigures, "report figures", problems);
        CheckRange("epochs", options.Epochs, 1, 100_000, problems);
        CheckRange("batch size", options.BatchSize, 1, 65_536, problems);
        CheckRange("limit", options.Limit, 1, int.MaxValue, problems);
        CheckRange("qubits", options.Qubits, 1, MaxQubits, problems);
        CheckRange("layers", options.Layers, 1, 50, problems);
        CheckRange("features", options.Features, 1, 1 << MaxQubits, problems);
        CheckRange("weights", options.Weights, 0, 1_000_000, problems);
        if ((options.Features is not null || options.Weights is not null) && options.QsharpFiles.Length == 0)
        {
            problems.Add("--features and --weights override a user circuit's shape; they need --qsharp and --operation");
        }
        if (options.DataDirectory is { } directory && !Directory.Exists(directory))
        {
            problems.Add($"data directory '{directory}' does not exist");
        }

        if (options.QsharpFiles.Length > 0 && string.IsNullOrWhiteSpace(options.Operation))
        {
            problems.Add("--qsharp needs --operation (the classifier's fully qualified name)");
        }

        problems.AddRange(options.QsharpFiles.Where(f => !File.Exists(f)).Select(f => $"Q# file '{f}' does not exist"));
        if (problems.Count > 0)
        {
            return null;
        }

        return new ExperimentSettings
        {
            Dataset = dataset!,
            DataDirectory = options.DataDirectory,
            Models = models!,
            Preset = preset,
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Limit = options.Limit,
            Seed = options.Seed,
            Qubits = options.Qubits,
            Layers = options.Layers,
            Encoding = encoding,
            Ansatz = ansatz!,
            Features = options.Features,
            Weights = options.Weights,
            Attack = attack,
            AttackEpsilon = options.AttackEpsilon,
            AttackStepSize = options.AttackStepSize,
            AttackSteps = options.AttackSteps,
            RobustnessSamples = options.RobustnessSamples,
            ReportFigures = figures,
            Backend = backend!.Key,
            Gradient = gradient!.Key,
            Output = options.Output,
            Resume = options.Resume,
            Deterministic = options.Deterministic,
            MemoryBudget = options.MemoryBudget is { } megabytes ? MemoryBudget.FromMegabytes(megabytes) : MemoryBudget.Default,
            QsharpFiles = options.QsharpFiles,
            Operation = options.Operation,
        };
    }

    /// <exception cref="ExperimentSettingsException">Some value is not valid; the message names each.</exception>
    public ExperimentSettings Parse(ExperimentOptions options)
    {
        var problems = new List<string>();
        return TryParse(options, problems) ?? throw new ExperimentSettingsException(problems);
    }

    /// <summary>The attacks a run can measure every few epochs; clamp-only is no attack and is measured at the end anyway.</summary>
    private static readonly AttackSemantics[] TrainingAttacks = [AttackSemantics.Sound, AttackSemantics.Paper, AttackSemantics.NormalisedUnclamped];

    private static AttackSemantics ParseAttack(string? value, List<string> problems)
    {
        if (value is not null && AttackSemanticsNames.TryParse(value, out var semantics) && TrainingAttacks.Contains(semantics))
        {
            return semantics;
        }

        problems.Add(Unknown("attack", value, TrainingAttacks.Select(a => a.Name())));
        return AttackSemantics.Sound;
    }

    private static T Lookup<T>(IReadOnlyDictionary<string, T> table, string? value, string what, List<string> problems)
        where T : struct
    {
        if (value is not null && table.TryGetValue(value.Trim(), out var parsed))
        {
            return parsed;
        }

        problems.Add(Unknown(what, value, table.Keys));
        return default;
    }

    private static void CheckRange(string what, int? value, int min, int max, List<string> problems)
    {
        if (value < min)
        {
            problems.Add($"{what} must be at least {min}, got {value}");
        }
        else if (value > max)
        {
            problems.Add($"{what} must be at most {max:N0}, got {value:N0}");
        }
    }

    private static string Unknown(string what, string? value, IEnumerable<string> known) =>
        $"unknown {what} '{value}'; expected one of: {string.Join(", ", known)}";
}
