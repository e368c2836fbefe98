// The fields are TorchSharp submodules and parameters: RegisterComponents() names them after the field, and those
// names are the checkpoint's state_dict keys, so they keep their names rather than the _camelCase of private fields.
#pragma warning disable IDE1006
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Models;

/// <summary>
/// The fair baseline the paper lacks: a classical layer with the quantum layer's input and output
/// widths, Linear → tanh, so outputs live in [-1, 1] as ⟨Z⟩ does. Training the hybrid and its
/// twin side by side measures what the quantum layer itself contributes.
/// </summary>
public sealed class TwinLayer : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;

    public TwinLayer(int inputs, int outputs) : base(nameof(TwinLayer))
    {
        linear = nn.Linear(inputs, outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return tanh(linear.forward(input)).MoveToOuterDisposeScope();
    }
}
