using System.Text.RegularExpressions;

namespace HybridQsharp.Host.Circuits;

/// <summary>
/// Writes a Q# project for a new classifier: qsharp.json and src/NAME.qs with the classifier
/// operation, its shape function and a <c>@Test()</c> operation, depending on nothing but the
/// QDK's standard library, so the folder opens on its own in VS Code with the QDK extension.
/// </summary>
public static partial class CircuitScaffold
{
    /// <summary>The classifier operation's name inside the scaffold's namespace.</summary>
    public const string OperationName = "Classifier";

    // Q# keywords that cannot name a namespace.
    private static readonly HashSet<string> Keywords =
    [
        "Adj", "adjoint", "apply", "as", "auto", "body", "borrow", "controlled", "Ctl", "distribute", "elif", "else", "export", "fail",
        "false", "fixup", "for", "function", "if", "import", "in", "internal", "intrinsic", "invert", "is", "let", "mutable", "namespace",
        "new", "newtype", "not", "and", "or", "open", "operation", "repeat", "return", "self", "set", "struct", "true", "until", "use",
        "using", "while", "within", "Zero", "One", "PauliI", "PauliX", "PauliY", "PauliZ", "Unit", "Int", "BigInt", "Double", "Bool",
        "String", "Qubit", "Result", "Pauli", "Range",
    ];

    /// <summary>Why <paramref name="name"/> cannot name a classifier's namespace, or null when it can.</summary>
    public static string? ProblemWithName(string name) =>
        !Identifier().IsMatch(name) ? $"'{name}' is not a Q# identifier (a letter or _, then letters, digits or _)"
        : Keywords.Contains(name) ? $"'{name}' is a Q# keyword or type name"
        : name == "Std" || name.StartsWith("HybridQsharp", StringComparison.Ordinal)
            ? $"'{name}' would clash with a namespace the host compiles beside it"
        : null;

    /// <summary>Why the project cannot be written into <paramref name="directory"/>, or null when it can.</summary>
    public static string? ProblemWithDirectory(string directory) =>
        File.Exists(directory) ? $"'{directory}' is a file"
        : Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any()
            ? $"'{directory}' exists and is not empty; choose a new folder"
        : null;

    /// <summary>Writes the project and returns the path of the classifier's .qs file.</summary>
    /// <exception cref="ArgumentException">
    /// The name or directory is not usable (see <see cref="ProblemWithName"/>, <see cref="ProblemWithDirectory"/>).
    /// </exception>
    public static string Write(string name, string directory)
    {
        if ((ProblemWithName(name) ?? ProblemWithDirectory(directory)) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var source = Path.Combine(directory, "src", name + ".qs");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.WriteAllText(Path.Combine(directory, "qsharp.json"), ProjectFile);
        File.WriteAllText(source, Source(name));
        return source;
    }

    /// <summary>The command that trains the scaffolded classifier as the quantum layer of the hybrid model.</summary>
    public static string TrainCommand(string name, string sourcePath) =>
        $"hybridq train --qsharp {Quoted(sourcePath)} --operation {name}.{OperationName} --encoding angle --model hybrid";

    private static string Quoted(string path) => path.Any(char.IsWhiteSpace) ? $"\"{path}\"" : path;

    private const string ProjectFile = """
        {
          "languageFeatures": [],
          "lints": [
            { "lint": "needlessParens", "level": "warn" },
            { "lint": "divisionByZero", "level": "error" }
          ]
        }

        """;

    private static string Source(string name) => $$"""
        /// # Summary
        /// {{name}}: a classifier circuit for HybridQsharp's hybrid models.
        ///
        /// # Remarks
        /// Train it with
        /// `hybridq train --qsharp src/{{name}}.qs --operation {{name}}.{{OperationName}} --encoding angle --model hybrid`.
        namespace {{name}} {
            import Std.Arrays.*;
            import Std.Diagnostics.*;
            import Std.Math.*;

            /// # Summary
            /// What `{{OperationName}}` reads and measures; `{{OperationName}}Shape` returns it.
            /// The host reads the fields by name: Features and Weights are required,
            /// Observables and FeatureRange may be left out (their defaults are below).
            struct Shape {
                /// How many of `features` the classifier reads.
                Features : Int,
                /// How many of `weights` the classifier reads.
                Weights : Int,
                /// The Pauli strings measured, one `Pauli` per qubit (`PauliI` where trivial);
                /// `[]` means Z on each qubit. E.g. `[[PauliZ, PauliZ, PauliI, PauliI]]` for Z0 Z1.
                Observables : Pauli[][],
                /// `[min, max]` of the features in training; `[]` means [-π, π].
                FeatureRange : Double[],
            }

            /// # Summary
            /// The classifier: one RY(feature) per qubit, then per layer one RX(weight) per qubit
            /// and CZ gates between neighbours.
            ///
            /// # Input
            /// ## features
            /// One angle per qubit, in [-π, π] (the host scales each sample so: `--encoding angle`).
            /// ## weights
            /// n · layers angles, `weights[layer * n + qubit]`, trained by the host.
            /// ## qubits
            /// n qubits in |0…0⟩; the outputs are the expectations of the observables the shape declares.
            ///
            /// # Remarks
            /// The contract the host lifts to a fast native tape, and checks before training:
            /// - every rotation angle is an affine function of features and weights
            ///   (a constant plus constants times parameters: `2.0 * features[0] - weights[1]`);
            /// - the gates do not depend on the values of the parameters (no `if` or loop on them);
            /// - no measurement;
            /// - it reads exactly the features and weights `{{OperationName}}Shape` declares.
            operation {{OperationName}}(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                let n = Length(qubits);
                for (angle, qubit) in Zipped(features, qubits) {
                    Ry(angle, qubit);
                }
                for layer in Chunks(n, weights) {
                    for (angle, qubit) in Zipped(layer, qubits) {
                        Rx(angle, qubit);
                    }
                    for i in 0..n - 2 {
                        CZ(qubits[i], qubits[i + 1]);
                    }
                }
            }

            /// # Summary
            /// The shape of `{{OperationName}}` on `nQubits` qubits with `nLayers` layers
            /// (the host passes its `--qubits` and `--layers`).
            function {{OperationName}}Shape(nQubits : Int, nLayers : Int) : Shape {
                new Shape {
                    Features = nQubits,
                    Weights = nQubits * nLayers,
                    Observables = [],
                    FeatureRange = [-PI(), PI()],
                }
            }

            /// # Summary
            /// With every feature and weight zero the classifier is the identity, and it reads
            /// no more than its shape declares.
            @Test()
            operation {{OperationName}}IsIdentityAtZero() : Unit {
                let shape = {{OperationName}}Shape(4, 2);
                use qubits = Qubit[4];
                {{OperationName}}(Repeated(0.0, shape.Features), Repeated(0.0, shape.Weights), qubits);
                Fact(CheckAllZero(qubits), "{{OperationName}} with zero parameters is not the identity.");
            }
        }

        """;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
