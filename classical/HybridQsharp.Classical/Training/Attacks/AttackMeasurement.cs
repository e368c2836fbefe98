using System.Globalization;

namespace HybridQsharp.Classical.Training.Attacks;

/// <summary>
/// A model's accuracy under one attack on a split, with everything that says which attack it was, so a number in a
/// metrics file or a table never stands without its semantics and ε.
/// </summary>
/// <param name="Semantics">Where ε is measured and where images are clamped.</param>
/// <param name="Epsilon">ε in the units <paramref name="Semantics"/> states (unused by clamp-only).</param>
/// <param name="StepSize">α per step, same units.</param>
/// <param name="Steps">Gradient steps (0 for clamp-only).</param>
/// <param name="RandomStart">Whether the attack started from a random point of the ball.</param>
/// <param name="Samples">Images attacked.</param>
/// <param name="Accuracy">Fraction of them still classified correctly.</param>
public sealed record AttackMeasurement(
    AttackSemantics Semantics, double Epsilon, double StepSize, int Steps, bool RandomStart, int Samples, double Accuracy)
{
    /// <summary>The measurement of <paramref name="attack"/>: its settings, the images seen and the accuracy.</summary>
    public static AttackMeasurement Of(PgdAttack attack, int samples, double accuracy) => attack.Semantics == AttackSemantics.ClampOnly
        ? new(attack.Semantics, 0, 0, 0, false, samples, accuracy)
        : new(attack.Semantics, attack.Epsilon, attack.StepSize, attack.Steps, attack.RandomStart, samples, accuracy);

    /// <summary>A short label for table headers and logs, e.g. "sound PGD ε=0.1" or "clamp-only".</summary>
    public string Label => Semantics == AttackSemantics.ClampOnly
        ? Semantics.Name()
        : string.Create(CultureInfo.InvariantCulture, $"{Semantics.Name()} PGD ε={Epsilon}");
}
