using System.Globalization;
using HybridQsharp.Classical.Data;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Training.Attacks;

/// <summary>
/// Projected gradient descent (Madry et al. 2018) in the L∞ ball of radius ε around each image: a random start in
/// the ball, then <see cref="Steps"/> steps of <see cref="StepSize"/> · sign(∇ cross-entropy), each projected back
/// onto the ball (and onto [0, 1] where the <see cref="Semantics"/> clamp). What ε means is stated by
/// <see cref="Semantics"/>; <see cref="AttackSemantics.Sound"/> needs the dataset's <see cref="Normalization"/>.
/// </summary>
/// <remarks>
/// The model runs in eval mode during the attack and gets its former mode back afterwards, as torchattacks' Attack
/// does; the loss is the mean cross-entropy without label smoothing.
/// </remarks>
/// <param name="Epsilon">Radius of the L∞ ball, in the units <see cref="Semantics"/> states.</param>
/// <param name="StepSize">α, the size of each signed-gradient step, in the same units.</param>
/// <param name="Steps">Gradient steps.</param>
/// <param name="RandomStart">Start from a uniform draw in the ball (then clamped) instead of the clean image.</param>
public sealed record PgdAttack(double Epsilon = 0.1, double StepSize = 0.01, int Steps = 10, bool RandomStart = true)
{
    /// <summary>Where ε is measured and where images are clamped.</summary>
    public AttackSemantics Semantics { get; init; } = AttackSemantics.Sound;

    /// <summary>The normalisation the batches went through; <see cref="AttackSemantics.Sound"/> undoes it to attack pixels.</summary>
    public Normalization? Normalization { get; init; }

    /// <summary>One line for logs, metrics and reports saying what was run.</summary>
    public string Description => Semantics switch
    {
        AttackSemantics.ClampOnly => "no attack: normalised images clamped to [0, 1] (the paper's clamp alone)",
        _ => string.Create(CultureInfo.InvariantCulture, $"L∞ PGD, ε = {Epsilon}, α = {StepSize}, {Steps} steps, ")
            + (RandomStart ? "random start, " : "no random start, ")
            + Semantics switch
            {
                AttackSemantics.Sound => "ε in pixel units, clamped to [0, 1] in pixel space",
                AttackSemantics.Paper => "ε in normalised units, clamped to [0, 1] in normalised space (the paper's torchattacks call)",
                _ => "ε in normalised units, no clamp",
            },
    };

    /// <summary>
    /// Adversarial images for a batch of normalised <paramref name="images"/>, normalised like them, ready for the model.
    /// The random start is drawn from <paramref name="generator"/> (torch's global generator when null).
    /// </summary>
    public Tensor Perturb(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, Generator? generator = null)
    {
        if (!RandomStart || Semantics == AttackSemantics.ClampOnly)
        {
            return PerturbFrom(model, images, labels, null);
        }

        using var start = (rand(images.shape, dtype: images.dtype, device: images.device, generator: generator) * 2) - 1;
        return PerturbFrom(model, images, labels, start);
    }

    /// <summary>
    /// <see cref="Perturb"/> with the random start given: <paramref name="unitStart"/> has the images' shape and values
    /// in [−1, 1], and the start is ε · unitStart (null: the clean image). Lets tests replay an exact start.
    /// </summary>
    public Tensor PerturbFrom(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, Tensor? unitStart)
    {
        CheckSettings(images);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            var clean = images.detach();
            var adversarial = Semantics switch
            {
                AttackSemantics.Paper => ProjectedAscent(model, clean, labels, unitStart, toModel: x => x),
                AttackSemantics.Sound => Normalize(ProjectedAscent(model, ToPixels(clean), labels, unitStart, toModel: Normalize)),
                AttackSemantics.ClampOnly => clean.clamp(0, 1),
                AttackSemantics.NormalisedUnclamped => UnclampedAscent(model, clean, labels, unitStart),
                _ => throw new InvalidOperationException($"Unknown attack semantics {Semantics}."),
            };
            return adversarial.detach().MoveToOuterDisposeScope();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>
    /// torchattacks' PGD.forward in the space of <paramref name="clean"/> (the model sees toModel(x)): start at
    /// clamp(clean + ε·start, 0, 1); per step x += α·sign(∇), δ = clamp(x − clean, −ε, ε), x = clamp(clean + δ, 0, 1).
    /// </summary>
    private Tensor ProjectedAscent(nn.Module<Tensor, Tensor> model, Tensor clean, Tensor labels, Tensor? unitStart, Func<Tensor, Tensor> toModel)
    {
        var adversarial = clean.clone().detach();
        if (unitStart is not null)
        {
            adversarial = (adversarial + (unitStart * Epsilon)).clamp(0, 1).detach();
        }

        for (var step = 0; step < Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var x = adversarial.requires_grad_(true);
            var loss = nn.functional.cross_entropy(model.forward(toModel(x)), labels);
            var gradient = autograd.grad([loss], [x])[0];
            var stepped = x.detach() + (gradient.sign() * StepSize);
            var delta = (stepped - clean).clamp(-Epsilon, Epsilon);
            var previous = adversarial;
            adversarial = (clean + delta).clamp(0, 1).detach().MoveToOuterDisposeScope();
            previous.Dispose();
        }

        return adversarial;
    }

    /// <summary>The attack as HybridQsharp ran it before the semantics were stated, operation for operation.</summary>
    private Tensor UnclampedAscent(nn.Module<Tensor, Tensor> model, Tensor clean, Tensor labels, Tensor? unitStart)
    {
        var delta = unitStart is null ? zeros_like(clean) : unitStart * Epsilon;
        for (var step = 0; step < Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var x = (clean + delta).requires_grad_(true);
            var loss = nn.functional.cross_entropy(model.forward(x), labels);
            var gradient = autograd.grad([loss], [x])[0];
            delta = (delta + (gradient.sign() * StepSize)).clamp(-Epsilon, Epsilon).detach().MoveToOuterDisposeScope();
        }

        return clean + delta;
    }

    private Tensor ToPixels(Tensor normalised)
    {
        var (mean, std) = ChannelTensors(normalised);
        return (normalised * std) + mean;
    }

    private Tensor Normalize(Tensor pixels)
    {
        var (mean, std) = ChannelTensors(pixels);
        return (pixels - mean) / std;
    }

    private (Tensor Mean, Tensor Std) ChannelTensors(Tensor like)
    {
        long[] shape = [1, Normalization!.Mean.Length, 1, 1];
        return (tensor(Normalization.Mean, shape, dtype: like.dtype, device: like.device),
            tensor(Normalization.Std, shape, dtype: like.dtype, device: like.device));
    }

    private void CheckSettings(Tensor images)
    {
        if (!(Epsilon >= 0) || !(StepSize >= 0) || Steps < 0)
        {
            throw new ArgumentException($"PGD needs ε ≥ 0, α ≥ 0 and steps ≥ 0 (got ε = {Epsilon}, α = {StepSize}, {Steps} steps).");
        }

        if (Semantics != AttackSemantics.Sound)
        {
            return;
        }

        if (Normalization is null)
        {
            throw new InvalidOperationException(
                "PGD with sound semantics needs the dataset's normalisation (PgdAttack.Normalization) to attack in pixel space.");
        }

        if (images.dim() != 4 || images.shape[1] != Normalization.Mean.Length || Normalization.Std.Length != Normalization.Mean.Length)
        {
            throw new ArgumentException($"The images ({string.Join(" × ", images.shape)}) do not match the normalisation's "
                + $"{Normalization.Mean.Length} channel(s); PGD expects batches of N × C × H × W.");
        }
    }
}
