using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HybridQsharp.Classical.Models;

/// <summary>A layer-by-layer summary as torchinfo prints it: rows, totals, and a text table.</summary>
public sealed record ModelSummary(string Model, ModelKind Kind, long[] InputShape, IReadOnlyList<LayerSummary> Layers, long TrainableParameters)
{
    /// <summary>Runs one batch of zeros through <paramref name="model"/> stage by stage (eval mode, no grad).</summary>
    public static ModelSummary Of(ImageClassifier model, PaperArchitecture architecture, int batch = 2)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            long[] inputShape = [batch, architecture.InputChannels, architecture.ImageSize, architecture.ImageSize];
            var x = zeros(inputShape);
            var rows = new List<LayerSummary>();
            foreach (var (stage, module) in model.Stages)
            {
                if (module is Sequential sequential)
                {
                    foreach (var (name, child) in sequential.named_children())
                    {
                        x = ((nn.Module<Tensor, Tensor>)child).forward(x);
                        rows.Add(new LayerSummary($"{stage}.{name}", child.GetType().Name, x.shape, Count(child)));
                    }
                }
                else
                {
                    x = module.forward(x);
                    rows.Add(new LayerSummary(stage, module.GetType().Name, x.shape, Count(module)));
                }
            }

            return new ModelSummary(model.GetName(), model.Kind, inputShape, rows, model.TrainableParameterCount);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>A fixed-width table.</summary>
    public string ToTable()
    {
        var lines = new List<string>
        {
            $"{Model} ({Kind}), input [{string.Join(", ", InputShape)}]",
            $"{"Layer",-22} {"Type",-22} {"Output shape",-22} {"Param #",12}",
            new('-', 81),
        };
        lines.AddRange(Layers.Select(l => $"{l.Name,-22} {l.Type,-22} {"[" + string.Join(", ", l.OutputShape) + "]",-22} {l.Parameters,12:N0}"));
        lines.Add(new string('-', 81));
        lines.Add($"Trainable params: {TrainableParameters:N0}");
        return string.Join(Environment.NewLine, lines);
    }

    private static long Count(nn.Module module) => module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
}
