using System.CommandLine;
using HybridQsharp.Host.Experiments;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Cli;

/// <summary>`train`, and the default job (no verb): the experiment with its run folder and report.</summary>
public static class TrainCommand
{
    public const string Examples = """

        Examples:
          hybridq train                                   # hybrid + classical on MNIST, quick preset
          hybridq train --model all --preset paper        # the paper's protocol, plus the twin baseline
          hybridq train --dataset cifar100 --data-dir ~/data/cifar-100-binary --epochs 10
          hybridq train --encoding angle --qubits 2 --model hybrid
          hybridq train --qsharp MyCircuit.qs --operation My.Classifier --model hybrid
          hybridq train --out runs/mnist-paper --resume   # continue an interrupted run
        """;

    public static Command Create(Option<string[]> settings, ExperimentCommandOptions experiment)
    {
        var command = new Command("train",
            "Train hybrid, classical and/or twin models under the paper's protocol; writes metrics, checkpoints, figures and the report." + Examples);
        foreach (var option in experiment.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(parse, settings, experiment, ct));
        return command;
    }

    public static Task<int> RunAsync(ParseResult parse, Option<string[]> settings, ExperimentCommandOptions experiment,
        CancellationToken cancellationToken) =>
        VerbRunner.RunAsync(parse.GetValue(settings) ?? [], experiment.Overrides(parse), async (services, token) =>
        {
            await services.GetRequiredService<ExperimentRunner>().RunAsync(token);
            return ExitCodes.Success;
        }, cancellationToken);
}
