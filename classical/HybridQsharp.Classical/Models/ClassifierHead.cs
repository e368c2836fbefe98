// The fields are TorchSharp submodules and parameters: RegisterComponents() names them after the field, and those
// names are the checkpoint's state_dict keys, so they keep their names rather than the _camelCase of private fields.
#pragma warning disable IDE1006
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Models;

/// <summary>Linear → BatchNorm1d → ReLU → Dropout → Linear, the paper's head for both model families.</summary>
public sealed class ClassifierHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear hidden;
    private readonly BatchNorm1d norm;
    private readonly ReLU relu;
    private readonly Dropout dropout;
    private readonly Linear output;

    public ClassifierHead(string name, int inputs, int hiddenWidth, int classes, double dropoutRate) : base(name)
    {
        hidden = nn.Linear(inputs, hiddenWidth);
        norm = nn.BatchNorm1d(hiddenWidth);
        relu = nn.ReLU();
        dropout = nn.Dropout(dropoutRate);
        output = nn.Linear(hiddenWidth, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return output.forward(dropout.forward(Embed(input))).MoveToOuterDisposeScope();
    }

    /// <summary>The hidden activation (after ReLU): the classical model's penultimate features.</summary>
    public Tensor Embed(Tensor input) => relu.forward(norm.forward(hidden.forward(input)));
}
