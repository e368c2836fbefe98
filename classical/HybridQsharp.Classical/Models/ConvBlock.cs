// The fields are TorchSharp submodules and parameters: RegisterComponents() names them after the field, and those
// names are the checkpoint's state_dict keys, so they keep their names rather than the _camelCase of private fields.
#pragma warning disable IDE1006
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Models;

/// <summary>Conv(3 × 3, padding 1) → BatchNorm → ReLU, optionally → MaxPool(2): the paper's building block.</summary>
public sealed class ConvBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d norm;
    private readonly ReLU relu;
    private readonly MaxPool2d? pool;

    public ConvBlock(string name, int inChannels, int outChannels, bool pooled) : base(name)
    {
        conv = nn.Conv2d(inChannels, outChannels, 3, padding: 1);
        norm = nn.BatchNorm2d(outChannels);
        relu = nn.ReLU();
        pool = pooled ? nn.MaxPool2d(2) : null;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = relu.forward(norm.forward(conv.forward(input)));
        return (pool is null ? x : pool.forward(x)).MoveToOuterDisposeScope();
    }
}
