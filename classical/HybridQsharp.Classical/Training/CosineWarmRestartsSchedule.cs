namespace HybridQsharp.Classical.Training;

/// <summary>
/// PyTorch's CosineAnnealingWarmRestarts: within a period of T_i steps the rate follows
/// η_min + (η_base - η_min)(1 + cos(π T_cur / T_i)) / 2, and periods grow by T_mult.
/// </summary>
/// <remarks>
/// The paper's script steps it once per batch with T_0 = 5, so the rate restarts every five
/// batches, not every five epochs; we reproduce that, as the protocol says.
/// </remarks>
public sealed class CosineWarmRestartsSchedule(double baseLearningRate, int t0, int tMult = 1, double etaMin = 0) : LearningRateSchedule
{
    public override double LearningRate(long step)
    {
        long period = t0, current = step;
        while (current >= period)
        {
            current -= period;
            period *= tMult;
        }

        return etaMin + ((baseLearningRate - etaMin) * (1 + Math.Cos(Math.PI * current / period)) / 2);
    }
}
