using HybridQsharp.Classical.Models;

namespace HybridQsharp.Host.Reports;

/// <summary>The paper's published numbers (docs/paper.md), the anchors our runs are read against; datasets by key.</summary>
public sealed record PaperReference(string Dataset, ModelKind Model, double BestValidationAccuracy, double TestAccuracy, long Parameters,
    string EpochSeconds, double? Robustness)
{
    /// <summary>Whether the paper gives <see cref="Robustness"/> only roughly ("about 1 %"), not as a measured figure.</summary>
    public bool RobustnessIsApproximate => Dataset != "mnist";

    public static IReadOnlyList<PaperReference> All { get; } =
    [
        new("mnist", ModelKind.Hybrid, 0.9938, 0.9949, 142_530, "18.8–21.6", 0.4527),
        new("mnist", ModelKind.Classical, 0.9821, 0.9856, 151_754, "27.9–108.4", 0.1080),
        new("cifar100", ModelKind.Hybrid, 0.4169, 0.4468, 1_164_796, "41–44", 0.01),
        new("cifar100", ModelKind.Classical, 0.3225, 0.3285, 1_710_436, "98–514", 0.01),
        new("stl10", ModelKind.Hybrid, 0.7405, 0.7503, 4_603_298, "39–49", 0.04),
        new("stl10", ModelKind.Classical, 0.6376, 0.6435, 1_687_306, "116–376", 0.04),
    ];

    public static PaperReference? For(string dataset, ModelKind model) =>
        All.FirstOrDefault(r => r.Dataset == dataset && r.Model == model);
}
