namespace HybridQsharp.Classical.Training;

/// <summary>
/// PyTorch's OneCycleLR (anneal_strategy "cos", two phases, cycle_momentum on): the rate rises
/// from max_lr/div_factor to max_lr over pct_start of the steps, then falls to
/// initial/final_div_factor; β₁ moves the opposite way between max_momentum and base_momentum.
/// </summary>
public sealed class OneCycleSchedule(double maxLearningRate, long totalSteps, double pctStart = 0.3,
    double divFactor = 25, double finalDivFactor = 1e4, double baseMomentum = 0.85, double maxMomentum = 0.95) : LearningRateSchedule
{
    private readonly double _initial = maxLearningRate / divFactor;
    private readonly double _warmEnd = (pctStart * totalSteps) - 1;

    public long TotalSteps => totalSteps;

    public override double LearningRate(long step) => Interpolate(step, _initial, maxLearningRate, _initial / finalDivFactor);

    public override double? Beta1(long step) => Interpolate(step, maxMomentum, baseMomentum, maxMomentum);

    private double Interpolate(long step, double start, double peak, double end)
    {
        if (step <= _warmEnd)
        {
            return CosineAnneal(start, peak, step / _warmEnd);
        }

        var pct = (step - _warmEnd) / (totalSteps - 1 - _warmEnd);
        return CosineAnneal(peak, end, Math.Min(pct, 1));
    }
}
