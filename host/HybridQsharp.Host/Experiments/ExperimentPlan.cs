namespace HybridQsharp.Host.Experiments;

/// <summary>
/// The preset resolved against the user's overrides: how much data, how many epochs, how often
/// and on how many samples robustness is measured.
/// </summary>
public sealed record ExperimentPlan(string Preset, int Epochs, int BatchSize, int? TrainLimit, int? ValidationLimit, int? TestLimit, int RobustnessEvery, int? RobustnessSamples)
{
    /// <summary>The paper's protocol (50 epochs, full splits, PGD every 5 epochs on all validation images) or the quick one.</summary>
    public static ExperimentPlan From(ExperimentOptions options)
    {
        if (options.Preset.Equals("paper", StringComparison.OrdinalIgnoreCase))
        {
            return new ExperimentPlan("paper", options.Epochs ?? 50, options.BatchSize ?? 64, options.Limit, null, null, 5, null);
        }

        // Quick: minutes on 2 cores, every stage exercised once (robustness on the last epoch).
        var epochs = options.Epochs ?? 3;
        var limit = options.Limit ?? 2_000;
        return new ExperimentPlan("quick", epochs, options.BatchSize ?? 64, limit, Math.Max(200, limit / 4), Math.Max(500, limit / 2), epochs, 256);
    }
}
