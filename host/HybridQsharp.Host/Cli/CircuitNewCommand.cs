using System.CommandLine;
using HybridQsharp.Host.Circuits;

namespace HybridQsharp.Host.Cli;

/// <summary>`circuit new NAME --out DIR`: a Q# project for a new classifier, and the command that trains it.</summary>
public static class CircuitNewCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var name = new Argument<string>("NAME") { Description = "The classifier's namespace, a Q# identifier (the operation is NAME.Classifier)." };
        var output = new Option<string>("--out") { Description = "The project folder to create (new or empty); default NAME." };
        var command = new Command("new",
            "Write a Q# project with a classifier, its shape function and a @Test() operation, ready to open in VS Code and to train.\n\n" +
            "Examples:\n  hybridq circuit new MyClassifier --out my-classifier\n" +
            "  hybridq train --qsharp my-classifier/src/MyClassifier.qs --operation MyClassifier.Classifier --encoding angle --model hybrid")
        {
            name, output,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], (_, _) =>
        {
            var namespaceName = parse.GetValue(name)!;
            var directory = parse.GetValue(output) ?? namespaceName;
            if ((CircuitScaffold.ProblemWithName(namespaceName) ?? CircuitScaffold.ProblemWithDirectory(directory)) is { } problem)
            {
                throw new CommandLineError(problem);
            }

            var source = CircuitScaffold.Write(namespaceName, directory);
            var project = Path.Combine(directory, "qsharp.json");
            Console.Out.WriteLine($"Wrote {project} and {source}; open {directory} in VS Code with the QDK extension.");
            Console.Out.WriteLine("Train it:");
            Console.Out.WriteLine($"  {CircuitScaffold.TrainCommand(namespaceName, source)}");
            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }
}
