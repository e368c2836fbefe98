namespace HybridQsharp.Host.Runs;

/// <summary>
/// The preset resolved against the user's overrides: how much data, how many epochs, how often
/// and on how many samples robustness is measured.
/// </summary>
public sealed record ExperimentPlan(
    Preset Preset, int Epochs, int BatchSize, int? TrainLimit, int? ValidationLimit, int? TestLimit, int RobustnessEvery, int? RobustnessSamples)
{
    /// <summary>Every image of every split, for verbs that only read data.</summary>
    public static ExperimentPlan WholeSplits { get; } = new(Preset.Full, 1, 64, null, null, null, 0, null);
}
