namespace HybridQsharp.Classical.Training;

/// <summary>
/// A learning-rate (and, for one-cycle, Adam β₁) schedule as a pure function of the batch step,
/// so resuming needs only the step count and tests can compare it with the published formula.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>Learning rate for the batch with 0-based index <paramref name="step"/> over the whole run.</summary>
    public abstract double LearningRate(long step);

    /// <summary>Adam's β₁ for that batch, or null when the schedule leaves it alone.</summary>
    public virtual double? Beta1(long step) => null;

    /// <summary>Cosine interpolation from <paramref name="start"/> (pct 0) to <paramref name="end"/> (pct 1).</summary>
    protected static double CosineAnneal(double start, double end, double pct) =>
        end + ((start - end) / 2 * (Math.Cos(Math.PI * pct) + 1));
}
