using static TorchSharp.torch;

namespace HybridQsharp.Classical.Models;

/// <summary>
/// An image classifier built from named stages run in order; the stages make the layer-by-layer
/// summary and the feature-space figures possible without hooks.
/// </summary>
public abstract class ImageClassifier(string name) : nn.Module<Tensor, Tensor>(name)
{
    public abstract ModelKind Kind { get; }

    /// <summary>The top-level stages, in forward order.</summary>
    public abstract IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Module)> Stages { get; }

    /// <summary>The representation the feature-space figures show (the quantum layer's outputs, or the classical penultimate layer).</summary>
    public abstract Tensor Embed(Tensor images);

    /// <summary>Trainable parameters.</summary>
    public long TrainableParameterCount => parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var (_, module) in Stages)
        {
            x = module.forward(x);
        }

        return x.MoveToOuterDisposeScope();
    }
}
