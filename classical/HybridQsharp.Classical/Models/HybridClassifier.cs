// The fields are TorchSharp submodules and parameters: RegisterComponents() names them after the field, and those
// names are the checkpoint's state_dict keys, so they keep their names rather than the _camelCase of private fields.
#pragma warning disable IDE1006
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Models;

/// <summary>
/// CNN → reducer → quantum (or twin) layer → head. The reducer's width follows the encoding
/// (2ⁿ softmax outputs for amplitude encoding, n for angle encoding).
/// </summary>
public sealed class HybridClassifier : ImageClassifier
{
    private readonly Sequential features;
    private readonly Sequential reducer;
    private readonly nn.Module<Tensor, Tensor> quantum;
    private readonly ClassifierHead head;

    /// <param name="architecture">The dataset's shapes.</param>
    /// <param name="quantum">The layer between reducer and head: a QuantumLayer, or a <see cref="TwinLayer"/>.</param>
    /// <param name="quantumInputs">Reducer outputs the layer takes.</param>
    /// <param name="quantumOutputs">Outputs the layer gives (one per qubit).</param>
    /// <param name="softmaxReducer">End the reducer in Softmax (the paper's amplitude-encoding input).</param>
    public HybridClassifier(PaperArchitecture architecture, nn.Module<Tensor, Tensor> quantum, int quantumInputs, int quantumOutputs,
        bool softmaxReducer,
        ModelKind kind = ModelKind.Hybrid)
        : base($"{architecture.Dataset}-{kind.Key()}")
    {
        Kind = kind;
        Architecture = architecture;
        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        var inChannels = architecture.InputChannels;
        for (var i = 0; i < architecture.HybridChannels.Length; i++)
        {
            blocks.Add(
                ($"block{i + 1}", new ConvBlock($"block{i + 1}", inChannels, architecture.HybridChannels[i], i < architecture.HybridPooledBlocks)));
            inChannels = architecture.HybridChannels[i];
        }

        blocks.Add(("pool", nn.AdaptiveAvgPool2d(PaperArchitecture.HybridPoolSize)));
        blocks.Add(("flatten", nn.Flatten()));
        features = nn.Sequential(blocks);

        var flat = inChannels * PaperArchitecture.HybridPoolSize * PaperArchitecture.HybridPoolSize;
        var reducerLayers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("linear1", nn.Linear(flat, architecture.ReducerHidden)),
            ("relu", nn.ReLU()),
            ("linear2", nn.Linear(architecture.ReducerHidden, quantumInputs)),
        };
        if (softmaxReducer)
        {
            reducerLayers.Add(("softmax", nn.Softmax(1)));
        }

        reducer = nn.Sequential(reducerLayers);
        this.quantum = quantum;
        head =
            new ClassifierHead("head", quantumOutputs, PaperArchitecture.HybridHeadHidden, architecture.ClassCount, PaperArchitecture.HybridDropout);
        RegisterComponents();
        Stages = [("features", features), ("reducer", reducer), ("quantum", this.quantum), ("head", head)];
    }

    public PaperArchitecture Architecture { get; }

    public override ModelKind Kind { get; }

    public override IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Module)> Stages { get; }

    public nn.Module<Tensor, Tensor> QuantumPart => quantum;

    /// <summary>What the quantum layer receives for <paramref name="images"/>: the reducer's output.</summary>
    public Tensor QuantumInputs(Tensor images)
    {
        using var scope = NewDisposeScope();
        return reducer.forward(features.forward(images)).MoveToOuterDisposeScope();
    }

    /// <summary>The head's logits from the quantum layer's outputs (e.g. ⟨Z⟩ estimated from shots or hardware).</summary>
    public Tensor Classify(Tensor quantumOutputs) => head.forward(quantumOutputs);

    public override Tensor Embed(Tensor images)
    {
        using var scope = NewDisposeScope();
        return quantum.forward(reducer.forward(features.forward(images))).MoveToOuterDisposeScope();
    }
}
