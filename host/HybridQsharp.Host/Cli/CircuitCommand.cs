using System.CommandLine;

namespace HybridQsharp.Host.Cli;

/// <summary>
/// `circuit`: the circuit workbench. `check` reports what training would do with a circuit,
/// `draw` draws it, `estimate` estimates its resources, `new` writes a Q# project for a new one;
/// all select the circuit as training does. Bare `circuit` draws, as it did before the group.
/// </summary>
public static class CircuitCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var command = new Command("circuit",
            "The circuit workbench: check, draw, estimate or create a Q# classifier, built-in (--encoding, --ansatz, --qubits, --layers) " +
            "or your own (--qsharp FILE --operation NS.Op). Without a subcommand: draw.\n\n" +
            "Examples:\n  hybridq circuit new MyClassifier --out my-classifier\n" +
            "  hybridq circuit check --qsharp my-classifier/src/MyClassifier.qs --operation MyClassifier.Classifier --encoding angle\n" +
            "  hybridq circuit draw --encoding angle --ansatz strong --estimate\n  hybridq circuit estimate --json")
        {
            CircuitCheckCommand.Create(settings),
            CircuitDrawCommand.Create(settings),
            CircuitEstimateCommand.Create(settings),
            CircuitNewCommand.Create(settings),
        };
        return CircuitDrawCommand.Configure(command, settings);
    }
}
