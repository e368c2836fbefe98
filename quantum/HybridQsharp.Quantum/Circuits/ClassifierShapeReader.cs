using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Circuits;

/// <summary>
/// Reads a classifier's shape by evaluating its companion Q# function, <c>Ns.OpShape(nQubits,
/// nLayers)</c> for operation <c>Ns.Op</c>, on the real runtime. The function returns a struct
/// whose fields are read by name: <c>Features : Int</c> and <c>Weights : Int</c>, and
/// optionally <c>Observables : Pauli[][]</c> (default Z on each qubit) and
/// <c>FeatureRange : Double[]</c> (default [-π, π]).
/// </summary>
public static class ClassifierShapeReader
{
    private const string FeaturesField = "Features";
    private const string WeightsField = "Weights";
    private const string ObservablesField = "Observables";
    private const string FeatureRangeField = "FeatureRange";
    private const string MissingFieldCode = "MissingClassHasField";

    private static readonly string[] OptionalFields = [ObservablesField, FeatureRangeField];

    /// <summary>The shape function's name for <paramref name="operation"/>: <c>Ns.Op</c> → <c>Ns.OpShape</c>.</summary>
    public static string ShapeFunctionOf(string operation) => operation + "Shape";

    /// <exception cref="ClassifierShapeException">
    /// The function is missing, fails, or returns something that is not a shape for this register.
    /// </exception>
    /// <exception cref="QsharpCompilationException">The program itself does not compile.</exception>
    public static async Task<ClassifierShape> ReadAsync(
        QsharpRuntime runtime, QsharpProgram program, string operation, int qubits, int layers, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        var function = ShapeFunctionOf(operation);
        var call = $"{function}({qubits}, {layers})";
        var absent = new HashSet<string>();
        while (true)
        {
            try
            {
                var shots = await runtime.RunAsync(program, EntryExpression(call, absent), cancellationToken: cancellationToken);
                return Parse(operation, call, qubits, shots[0].Result);
            }
            catch (QsharpCompilationException e) when (e.Diagnostics.All(d => d.File == "<entry>"))
            {
                // Optional fields the author left out are read as their defaults.
                var missingFields = e.Diagnostics.Where(IsMissingField).Select(d => d.Message).ToList();
                var missing = OptionalFields.Where(f => !absent.Contains(f) && missingFields.Any(m => Names(m, f))).ToList();
                var otherErrors = e.Diagnostics.Where(d => !IsMissingField(d) && !d.Code.EndsWith("AmbiguousTy", StringComparison.Ordinal)).ToList();
                var missingRequired = missingFields.Any(m => Names(m, FeaturesField) || Names(m, WeightsField));
                if (missing.Count > 0 && otherErrors.Count == 0 && !missingRequired)
                {
                    absent.UnionWith(missing);
                    continue;
                }

                throw new ClassifierShapeException(Explain(operation, function, e.Diagnostics[0].Message), e);
            }
            catch (QsharpExecutionException e)
            {
                throw new ClassifierShapeException($"{call}, the shape function of {operation}, failed: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// Evaluates the shape function and projects its fields into a tuple in a fixed order,
    /// so field order in the author's struct does not matter; <paramref name="absent"/> fields become their empty defaults.
    /// </summary>
    private static string EntryExpression(string call, IReadOnlySet<string> absent)
    {
        string Field(string name, string emptyDefault) => absent.Contains(name) ? emptyDefault : $"shape.{name}";
        return $"{{ let shape = {call}; (shape.{FeaturesField}, shape.{WeightsField}, " +
               $"{Field(ObservablesField, "[[PauliI, size = 0], size = 0]")}, {Field(FeatureRangeField, "[0.0, size = 0]")}) }}";
    }

    private static bool IsMissingField(QsharpDiagnostic diagnostic) => diagnostic.Code.EndsWith(MissingFieldCode, StringComparison.Ordinal);

    private static bool Names(string message, string field) => message.Contains($"`{field}`", StringComparison.Ordinal);

    private static string Explain(string operation, string function, string qsharpMessage)
    {
        var shortName = function[(function.LastIndexOf('.') + 1)..];
        var expected = $"declare `function {shortName}(nQubits : Int, nLayers : Int) : Shape` beside {operation}, returning a struct with fields " +
                       $"{FeaturesField} : Int, {WeightsField} : Int and optionally {ObservablesField} : Pauli[][], {FeatureRangeField} : Double[] " +
                       "(see docs/circuits.md)";
        return qsharpMessage.Contains("not found", StringComparison.Ordinal) && qsharpMessage.Contains(function, StringComparison.Ordinal)
            ? $"{operation} has no shape function {function}: {expected}."
            : $"{function} is not a shape function for {operation} ({FirstLine(qsharpMessage)}): {expected}.";
    }

    private static ClassifierShape Parse(string operation, string call, int qubits, string printed)
    {
        string Nonsense(string what) => $"{call}, the shape function of {operation}, returned {printed}: {what}.";
        QsharpValue value;
        try
        {
            value = QsharpValue.Parse(printed);
        }
        catch (FormatException e)
        {
            throw new ClassifierShapeException(Nonsense($"not a printed Q# value ({e.Message})"));
        }

        if (value.Kind != QsharpValueKind.Tuple || value.Items.Count != 4)
        {
            throw new ClassifierShapeException(Nonsense("expected (Features, Weights, Observables, FeatureRange)"));
        }

        var features = value.Items[0].AsInt();
        var weights = value.Items[1].AsInt();
        if (features < 0 || weights < 0 || features + weights == 0 || features > int.MaxValue / 2 || weights > int.MaxValue / 2)
        {
            throw new ClassifierShapeException(
                Nonsense($"{features} features and {weights} weights are not counts of parameters a circuit can read"));
        }

        var observables = new List<PauliString>();
        foreach (var observable in value.Items[2].Items)
        {
            if (observable.Items.Count != qubits)
            {
                throw new ClassifierShapeException(Nonsense(
                    $"observable {observable} has {observable.Items.Count} entries for {qubits} qubits " +
                    "(one Pauli per qubit, PauliI where it acts trivially)"));
            }

            var factors = observable.Items.Select((p, q) => new PauliFactor(q, ParsePauli(p.Text))).ToList();
            var pauliString = new PauliString(factors);
            if (pauliString.Factors.Count == 0)
            {
                throw new ClassifierShapeException(Nonsense($"observable {observable} is the identity, whose expectation is always 1"));
            }

            observables.Add(pauliString);
        }

        var range = value.Items[3].Items.Select(v => v.AsDouble()).ToArray();
        if (range.Length is not (0 or 2) || (range.Length == 2 && !(double.IsFinite(range[0]) && double.IsFinite(range[1]) && range[0] < range[1])))
        {
            throw new ClassifierShapeException(Nonsense($"the feature range {value.Items[3]} is not [] or [min, max] with min < max"));
        }

        return new ClassifierShape(
            (int)features,
            (int)weights,
            observables.Count == 0 ? PauliString.ZOnEach(qubits) : observables,
            range.Length == 0 ? ParameterRange.SymmetricAngles : new ParameterRange(range[0], range[1]));
    }

    private static Pauli ParsePauli(string text) => text switch
    {
        "PauliI" => Pauli.I,
        "PauliX" => Pauli.X,
        "PauliY" => Pauli.Y,
        "PauliZ" => Pauli.Z,
        _ => throw new FormatException($"'{text}' is not a Pauli."),
    };

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
