using HybridQsharp.Classical.Data;
using HybridQsharp.Classical.Data.Datasets;
using HybridQsharp.Classical.Torch;
using HybridQsharp.Classical.Training.Attacks;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical.Training.Attacks;

[Collection(TorchRandomCollection.Name)]
public sealed class PgdAttackTests
{
    private const double Epsilon = 0.1;
    private const double Alpha = 0.01;
    private const int Steps = 10;
    private static readonly Normalization TwoChannels = new([0.1307f, 0.45f], [0.3081f, 0.25f]);

    static PgdAttackTests() => TorchNativeLibrary.EnsureLoaded();

    [Fact]
    public void ThePaperAttackIsTorchattacksPgdOnTheNormalisedImages()
    {
        using var model = TinyModel();
        using var images = FixedImages();
        using var labels = tensor(new long[] { 0, 1, 2, 0 });
        using var start = UnitStart(images.shape);
        model.train();

        using var attacked = new PgdAttack(Epsilon, Alpha, Steps) { Semantics = AttackSemantics.Paper }.PerturbFrom(model, images, labels, start);
        Assert.True(model.training, "the attack did not give the model its training mode back");
        model.eval();
        using var expected = TorchattacksPgd(model, images, labels, start, toModel: x => x);

        AssertClose(expected, attacked, 1e-6);
        Assert.True((attacked - images).abs().max().item<float>() > Epsilon / 2, "the reference case never moved the images");
    }

    [Fact]
    public void TheSoundAttackIsTheSameAlgorithmOnPixelsAndStaysInTheBallAndInZeroOne()
    {
        using var model = TinyModel();
        using var pixels = FixedPixels();
        using var images = Normalise(pixels);
        using var labels = tensor(new long[] { 0, 1, 2, 0 });
        using var start = UnitStart(images.shape);
        model.eval();

        var attack = new PgdAttack(Epsilon, Alpha, Steps) { Normalization = TwoChannels };
        using var attacked = attack.PerturbFrom(model, images, labels, start);
        using var attackedPixels = ToPixels(attacked);
        using var expected = Normalise(TorchattacksPgd(model, pixels, labels, start, toModel: Normalise));

        Assert.Equal(AttackSemantics.Sound, attack.Semantics);
        AssertClose(expected, attacked, 1e-6);
        Assert.InRange((attackedPixels - pixels).abs().max().item<float>(), (float)(Epsilon / 2), (float)Epsilon + 1e-6f);
        Assert.InRange(attackedPixels.min().item<float>(), -1e-6f, 1e-6f);
        Assert.InRange(attackedPixels.max().item<float>(), 1 - 1e-6f, 1 + 1e-6f);
    }

    [Fact]
    public void OnMnistThePaperAttackCanMoveOnlyMidGreyPixels()
    {
        // MNIST normalised: background (0 − 0.1307)/0.3081 = −0.424, full stroke (1 − 0.1307)/0.3081 = 2.821. With ε = 0.1,
        // clean + δ stays below 0 or above 1, so the clamp pins them at exactly 0 and 1; only pixels whose normalised
        // value is within ε of [0, 1] (pixel values 0.10 to 0.47) can be perturbed.
        var mnist = new MnistDataset().Normalization;
        float Normalised(float pixel) => (pixel - mnist.Mean[0]) / mnist.Std[0];
        using var model = nn.Sequential(("flatten", nn.Flatten()), ("out", nn.Linear(4, 3)));
        using var images = tensor(new[] { Normalised(0f), Normalised(1f), Normalised(0.2f), Normalised(0.3f) }, [1, 1, 2, 2]);

        var attack = new PgdAttack(Epsilon, Alpha, Steps) { Semantics = AttackSemantics.Paper };
        using var attacked = attack.Perturb(model, images, tensor(new long[] { 1 }), new Generator(2));
        var values = attacked.data<float>().ToArray();

        Assert.Equal(0f, values[0]);
        Assert.Equal(1f, values[1]);
        Assert.InRange(Math.Abs(values[2] - Normalised(0.2f)), 0, Epsilon + 1e-6);
        Assert.InRange(Math.Abs(values[3] - Normalised(0.3f)), 0, Epsilon + 1e-6);
    }

    [Fact]
    public void SoundAttacksWithoutANormalisationAreRefused()
    {
        using var model = TinyModel();
        using var images = FixedImages();
        using var labels = tensor(new long[] { 0, 1, 2, 0 });

        var thrown = Assert.Throws<InvalidOperationException>(() => new PgdAttack().Perturb(model, images, labels));

        Assert.Contains("normalisation", thrown.Message);
    }

    [Fact]
    public void ClampOnlyLeavesImagesInZeroOneAloneAndClampsTheRest()
    {
        using var model = TinyModel();
        using var inside = rand(4, 2, 3, 3, generator: new Generator(1));
        using var outside = tensor(new[] { -0.4242f, 2.8215f, 0.5f, -3f }, [1, 1, 2, 2]);
        var attack = new PgdAttack { Semantics = AttackSemantics.ClampOnly };

        using var unchanged = attack.Perturb(model, inside, tensor(new long[] { 0, 1, 2, 0 }));
        using var clamped = attack.Perturb(model, outside, tensor(new long[] { 0 }));

        Assert.True(unchanged.eq(inside).all().item<bool>());
        Assert.Equal([0f, 1f, 0.5f, 0f], clamped.data<float>().ToArray());
    }

    [Fact]
    public void ASeededGeneratorReproducesTheRandomStart()
    {
        using var model = TinyModel();
        using var images = FixedImages();
        using var labels = tensor(new long[] { 0, 1, 2, 0 });
        var attack = new PgdAttack(Epsilon, Alpha, Steps) { Semantics = AttackSemantics.Paper };

        using var first = attack.Perturb(model, images, labels, new Generator(7));
        using var second = attack.Perturb(model, images, labels, new Generator(7));
        using var start = (rand(images.shape, generator: new Generator(7)) * 2) - 1;
        using var replayed = attack.PerturbFrom(model, images, labels, start);
        using var other = attack.Perturb(model, images, labels, new Generator(8));

        Assert.True(first.eq(second).all().item<bool>());
        Assert.True(first.eq(replayed).all().item<bool>());
        Assert.False(first.eq(other).all().item<bool>());
    }

    [Fact]
    public void BothAttacksLowerTheAccuracyOfATrainedModel()
    {
        // SyntheticImages values (about −0.8 to 1.3) mapped into [0, 1], so the paper's clamps to [0, 1] leave the attack
        // room: with an MNIST-like background below 0, every ε under that depth leaves the background pinned at 0.
        // Pixels = normalised · 0.6 + 0.2 lie in [0.2, 0.8]. The classes are 0.7 apart (normalised), hence ε = 0.3.
        var normalization = new Normalization([0.2f], [0.6f]);
        var (raw, labels) = new SyntheticImages(256, 10, 8, seed: 1, shuffle: false, noise: 0.2).Batches(0, 256).Single();
        using var images = ((raw + 0.8) / 2.1).clamp(0, 1);
        using var model = TrainedMlp(images, labels);

        var clean = Accuracy(model, images, labels);
        var soundAttack = new PgdAttack(0.3 * 0.6, 0.03, 10) { Normalization = normalization };
        var paperAttack = new PgdAttack(0.3, 0.05, 10) { Semantics = AttackSemantics.Paper };
        var sound = Accuracy(model, soundAttack.Perturb(model, images, labels, new Generator(3)), labels);
        var paper = Accuracy(model, paperAttack.Perturb(model, images, labels, new Generator(3)), labels);
        var clampOnly = Accuracy(model, new PgdAttack { Semantics = AttackSemantics.ClampOnly }.Perturb(model, images, labels), labels);

        Assert.True(clean > 0.9, $"the model did not learn the synthetic set ({clean:P1})");
        Assert.Equal(clean, clampOnly);
        Assert.True(sound < clean - 0.2, $"sound PGD did not hurt: clean {clean:P1}, adversarial {sound:P1}");
        Assert.True(paper < clean - 0.2, $"paper PGD did not hurt: clean {clean:P1}, adversarial {paper:P1}");
    }

    [Fact]
    public void SemanticsHaveStableNames()
    {
        Assert.Equal(["sound", "paper", "clamp-only", "normalised-unclamped"], AttackSemanticsNames.All);
        Assert.True(AttackSemanticsNames.TryParse("Clamp-Only", out var parsed));
        Assert.Equal(AttackSemantics.ClampOnly, parsed);
        Assert.False(AttackSemanticsNames.TryParse("fgsm", out _));
        Assert.Contains("pixel units", new PgdAttack().Description);
    }

    /// <summary>
    /// torchattacks 3.5's PGD.forward line by line (the model already in eval mode): adv = clamp(images + ε·start, 0, 1);
    /// per step adv += α·sign(∂CE/∂adv), δ = clamp(adv − images, −ε, ε), adv = clamp(images + δ, 0, 1).
    /// </summary>
    private static Tensor TorchattacksPgd(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, Tensor start, Func<Tensor, Tensor> toModel)
    {
        var original = images.clone().detach();
        var adversarial = original.clone().detach();
        adversarial = adversarial + (start * Epsilon);
        adversarial = clamp(adversarial, 0, 1).detach();
        for (var i = 0; i < Steps; i++)
        {
            adversarial.requires_grad = true;
            var cost = nn.functional.cross_entropy(model.forward(toModel(adversarial)), labels);
            var gradient = autograd.grad([cost], [adversarial])[0];
            adversarial = adversarial.detach() + (Alpha * gradient.sign());
            var delta = clamp(adversarial - original, -Epsilon, Epsilon);
            adversarial = clamp(original + delta, 0, 1).detach();
        }

        return adversarial;
    }

    /// <summary>Flatten → Linear(64, 32) → ReLU → Linear(32, 10), trained full-batch with Adam from a fixed seed.</summary>
    private static nn.Module<Tensor, Tensor> TrainedMlp(Tensor images, Tensor labels)
    {
        random.manual_seed(1);
        var model = nn.Sequential(("flatten", nn.Flatten()), ("hidden", nn.Linear(64, 32)), ("relu", nn.ReLU()), ("out", nn.Linear(32, 10)));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        model.train();
        for (var step = 0; step < 60; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.forward(images), labels).backward();
            optimizer.step();
        }

        return model;
    }

    /// <summary>Flatten → Linear(18, 6) → tanh → dropout → Linear(6, 3), weights from a fixed formula.</summary>
    private static nn.Module<Tensor, Tensor> TinyModel()
    {
        var model = nn.Sequential(("flatten", nn.Flatten()), ("hidden", nn.Linear(18, 6)), ("tanh", nn.Tanh()), ("dropout", nn.Dropout(0.5)),
            ("out", nn.Linear(6, 3)));
        using (no_grad())
        {
            var k = 0;
            foreach (var parameter in model.parameters())
            {
                k++;
                parameter.copy_(sin((arange(parameter.numel(), dtype: ScalarType.Float32) * (0.7 + k)) + k).reshape(parameter.shape) * 0.8);
            }
        }

        return model;
    }

    /// <summary>Normalised values from −0.6 to 2.0 (so the paper's clamps bite), 4 × 2 × 3 × 3.</summary>
    private static Tensor FixedImages() => ((cos(arange(72, dtype: ScalarType.Float32) * 1.3f) * 1.3f) + 0.7f).reshape(4, 2, 3, 3);

    /// <summary>Pixels in [0, 1] including 0 and 1 exactly, 4 × 2 × 3 × 3.</summary>
    private static Tensor FixedPixels() => ((sin(arange(72, dtype: ScalarType.Float32) * 0.9f) * 0.6f) + 0.5f).clamp(0, 1).reshape(4, 2, 3, 3);

    private static Tensor UnitStart(long[] shape) =>
        sin((arange(shape.Aggregate(1L, (a, b) => a * b), dtype: ScalarType.Float32) * 1.7f) + 0.3f).reshape(shape);

    private static Tensor Normalise(Tensor pixels) =>
        (pixels - tensor(TwoChannels.Mean, [1, 2, 1, 1])) / tensor(TwoChannels.Std, [1, 2, 1, 1]);

    private static Tensor ToPixels(Tensor images) =>
        (images * tensor(TwoChannels.Std, [1, 2, 1, 1])) + tensor(TwoChannels.Mean, [1, 2, 1, 1]);

    private static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels)
    {
        model.eval();
        using var _ = no_grad();
        return model.forward(images).argmax(1).eq(labels).to(ScalarType.Float32).mean().item<float>();
    }

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = (expected - actual).abs().max().item<float>();
        Assert.True(difference <= tolerance, $"max |Δ| = {difference:E2} > {tolerance:E0}");
    }
}
