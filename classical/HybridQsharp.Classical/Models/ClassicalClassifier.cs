// The fields are TorchSharp submodules and parameters: RegisterComponents() names them after the field, and those
// names are the checkpoint's state_dict keys, so they keep their names rather than the _camelCase of private fields.
#pragma warning disable IDE1006
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Models;

/// <summary>The paper's classical baseline: CNN → head.</summary>
public sealed class ClassicalClassifier : ImageClassifier
{
    private readonly Sequential features;
    private readonly ClassifierHead head;

    public ClassicalClassifier(PaperArchitecture architecture) : base($"{architecture.Dataset}-classical")
    {
        Architecture = architecture;
        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        var inChannels = architecture.InputChannels;
        for (var i = 0; i < architecture.ClassicalChannels.Length; i++)
        {
            blocks.Add(($"block{i + 1}",
                new ConvBlock($"block{i + 1}", inChannels, architecture.ClassicalChannels[i], i < architecture.ClassicalPooledBlocks)));
            inChannels = architecture.ClassicalChannels[i];
        }

        blocks.Add(("pool", nn.AdaptiveAvgPool2d(architecture.ClassicalPoolSize)));
        blocks.Add(("flatten", nn.Flatten()));
        features = nn.Sequential(blocks);
        var flat = inChannels * architecture.ClassicalPoolSize * architecture.ClassicalPoolSize;
        head = new ClassifierHead("head", flat, architecture.ClassicalHeadHidden, architecture.ClassCount, architecture.ClassicalDropout);
        RegisterComponents();
        Stages = [("features", features), ("head", head)];
    }

    public PaperArchitecture Architecture { get; }

    public override ModelKind Kind => ModelKind.Classical;

    public override IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Module)> Stages { get; }

    public override Tensor Embed(Tensor images)
    {
        using var scope = NewDisposeScope();
        return head.Embed(features.forward(images)).MoveToOuterDisposeScope();
    }
}
