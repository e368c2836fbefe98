using static TorchSharp.torch;

namespace HybridQsharp.Classical.Training;

/// <summary>
/// Projected gradient descent (Madry et al.) in the L∞ ball of radius ε around each image, in
/// normalised input space as the paper applies it: a random start in the ball, then
/// <see cref="Steps"/> signed-gradient ascent steps of the cross-entropy, each projected back.
/// </summary>
public sealed record PgdAttack(double Epsilon = 0.1, double StepSize = 0.01, int Steps = 10, bool RandomStart = true)
{
    /// <summary>Adversarial images for <paramref name="images"/>; the model should be in eval mode.</summary>
    public Tensor Perturb(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, Generator? generator = null)
    {
        using var scope = NewDisposeScope();
        var original = images.detach();
        var delta = RandomStart
            ? (rand(original.shape, generator: generator) * 2 - 1) * Epsilon
            : zeros_like(original);
        for (var step = 0; step < Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var x = (original + delta).requires_grad_(true);
            var loss = nn.functional.cross_entropy(model.forward(x), labels);
            var gradient = autograd.grad([loss], [x])[0];
            delta = (delta + (gradient.sign() * StepSize)).clamp(-Epsilon, Epsilon).detach().MoveToOuterDisposeScope();
        }

        return (original + delta).detach().MoveToOuterDisposeScope();
    }
}
