using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HybridQsharp.Host.Sweeps;

/// <summary>
/// Reads a grid file (.json, or .yaml/.yml) into a <see cref="SweepGrid"/>. Every problem becomes one line naming the
/// file and the key: unknown keys, values of the wrong shape, unreadable syntax.
/// </summary>
/// <example>
/// <code>
/// models: [hybrid, classical, twin]
/// datasets: mnist
/// seeds: [1, 2, 3, 4, 5]
/// epochs: 15
/// set:
///   Preset: paper
///   Experiment:Attack: sound
/// </code>
/// </example>
public static class SweepGridFile
{
    private enum Axis { Models, Datasets, Seeds, Epochs, Qubits, Layers, Encodings, Ansatzes, Set }

    // Each axis by its plural key; the singular is accepted for one value ("seed: 3").
    private static readonly Dictionary<string, Axis> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["models"] = Axis.Models, ["model"] = Axis.Models,
        ["datasets"] = Axis.Datasets, ["dataset"] = Axis.Datasets,
        ["seeds"] = Axis.Seeds, ["seed"] = Axis.Seeds,
        ["epochs"] = Axis.Epochs,
        ["qubits"] = Axis.Qubits,
        ["layers"] = Axis.Layers,
        ["encodings"] = Axis.Encodings, ["encoding"] = Axis.Encodings,
        ["ansatzes"] = Axis.Ansatzes, ["ansatz"] = Axis.Ansatzes,
        ["set"] = Axis.Set,
    };

    /// <summary>The keys a grid file may hold, for messages.</summary>
    public static IReadOnlyList<string> KnownKeys { get; } =
        ["models", "datasets", "seeds", "epochs", "qubits", "layers", "encodings", "ansatzes", "set"];

    /// <exception cref="SweepGridException">The file is missing or unreadable, or some key or value is not valid.</exception>
    public static SweepGrid Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SweepGridException([$"grid file '{path}' does not exist"]);
        }

        var name = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var root = extension switch
        {
            ".json" => ParseJson(text, name),
            ".yaml" or ".yml" => ParseYaml(text, name),
            _ => throw new SweepGridException([$"{name}: a grid file is .json, .yaml or .yml"]),
        };
        return FromNode(root, name);
    }

    /// <summary>The grid a parsed file's root describes; <paramref name="source"/> names the file in messages.</summary>
    public static SweepGrid FromNode(GridNode root, string source)
    {
        if (root is not GridMapping mapping)
        {
            throw new SweepGridException([$"{source}: the grid must be a mapping of keys ({string.Join(", ", KnownKeys)}), got {root.Describe()}"]);
        }

        var problems = new List<string>();
        var texts = new Dictionary<Axis, List<string>>();
        var numbers = new Dictionary<Axis, List<int>>();
        var set = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<Axis>();
        foreach (var (key, value) in mapping.Entries)
        {
            if (!Keys.TryGetValue(key, out var axis))
            {
                problems.Add($"{source}: unknown key '{key}'; expected one of: {string.Join(", ", KnownKeys)}");
                continue;
            }

            if (!seen.Add(axis))
            {
                problems.Add($"{source}: '{key}' is given twice (as '{key}' and its singular or plural)");
                continue;
            }

            switch (axis)
            {
                case Axis.Set:
                    ReadSet(value, source, set, problems);
                    break;
                case Axis.Seeds or Axis.Epochs or Axis.Qubits or Axis.Layers:
                    numbers[axis] = Scalars(value, key, source, problems)
                        .Select(s => ParseWhole(s, key, source, problems)).OfType<int>().ToList();
                    break;
                default:
                    texts[axis] = Scalars(value, key, source, problems);
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new SweepGridException(problems);
        }

        List<string> Texts(Axis a) => texts.GetValueOrDefault(a) ?? [];
        List<int> Numbers(Axis a) => numbers.GetValueOrDefault(a) ?? [];
        return new SweepGrid(Texts(Axis.Models), Texts(Axis.Datasets), Numbers(Axis.Seeds), Numbers(Axis.Epochs), Numbers(Axis.Qubits),
            Numbers(Axis.Layers), Texts(Axis.Encodings), Texts(Axis.Ansatzes), set);
    }

    private static List<string> Scalars(GridNode value, string key, string source, List<string> problems)
    {
        switch (value)
        {
            case GridScalar scalar:
                return [scalar.Text];
            case GridList list when list.Items.Count > 0 && list.Items.All(i => i is GridScalar):
                return [.. list.Items.Cast<GridScalar>().Select(i => i.Text)];
            default:
                problems.Add($"{source}: '{key}' must be a value or a non-empty list of values, got {value.Describe()}");
                return [];
        }
    }

    private static int? ParseWhole(string text, string key, string source, List<string> problems)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{source}: '{key}' takes whole numbers, got '{text}'");
        return null;
    }

    private static void ReadSet(GridNode value, string source, SortedDictionary<string, string> set, List<string> problems)
    {
        if (value is not GridMapping mapping)
        {
            problems.Add($"{source}: 'set' must be a mapping of configuration keys to values (e.g. Experiment:Limit: 1000), got {value.Describe()}");
            return;
        }

        foreach (var (key, entry) in mapping.Entries)
        {
            if (entry is GridScalar scalar)
            {
                set[key] = scalar.Text;
            }
            else
            {
                problems.Add($"{source}: set '{key}' must be a single value, got {entry.Describe()}");
            }
        }
    }

    private static GridNode ParseJson(string text, string source)
    {
        try
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            using var document = JsonDocument.Parse(text, options);
            return FromJson(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new SweepGridException([$"{source}: not valid JSON ({e.Message})"]);
        }
    }

    private static GridNode FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object =>
            new GridMapping([.. element.EnumerateObject().Select(p => new KeyValuePair<string, GridNode>(p.Name, FromJson(p.Value)))]),
        JsonValueKind.Array => new GridList([.. element.EnumerateArray().Select(FromJson)]),
        JsonValueKind.String => new GridScalar(element.GetString()!),
        _ => new GridScalar(element.GetRawText()),
    };

    private static GridNode ParseYaml(string text, string source)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                throw new SweepGridException([$"{source}: expected one YAML document, found {stream.Documents.Count}"]);
            }

            return FromYaml(stream.Documents[0].RootNode);
        }
        catch (YamlException e)
        {
            throw new SweepGridException([$"{source}: not valid YAML at line {e.Start.Line}, column {e.Start.Column} ({e.Message})"]);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18 throws this, without a position, for some unterminated flow collections.
            throw new SweepGridException([$"{source}: not valid YAML ({e.Message}; is a [ or {{ left open?)"]);
        }
    }

    private static GridNode FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode mapping =>
            new GridMapping([.. mapping.Children.Select(c => new KeyValuePair<string, GridNode>(Key(c.Key), FromYaml(c.Value)))]),
        YamlSequenceNode sequence => new GridList([.. sequence.Children.Select(FromYaml)]),
        YamlScalarNode scalar => new GridScalar(scalar.Value ?? string.Empty),
        _ => new GridScalar(node.ToString()),
    };

    private static string Key(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();
}
