using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// Reads the circuit data of the Q# compiler (qsharp-lang's getCircuit). Two shapes exist: the current one,
/// <c>{version, circuits: [{qubits, componentGrid}]}</c> whose components have kind/gate/args/targets[{qubit}]/
/// controls/children, and the older <c>{qubits, operations}</c> with gate/displayArgs/targets[{qId}]/isMeasurement/children.
/// Calls grouped by scope are expanded into their gates down to <c>expandDepth</c> levels (null: all the way).
/// </summary>
public static class CircuitJsonParser
{
    public static CircuitDiagram Parse(string json, int? expandDepth = null)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FigureInputException($"Circuit data is not valid JSON: {e.Message}", e);
        }

        return Parse(node ?? throw new FigureInputException("Circuit data is empty."), expandDepth);
    }

    public static CircuitDiagram Parse(JsonNode root, int? expandDepth = null)
    {
        if (expandDepth is < 0)
        {
            throw new FigureInputException($"Circuit expand depth must be >= 0; got {expandDepth}.");
        }

        try
        {
            var circuit = root switch
            {
                JsonObject o when o["circuits"] is JsonArray { Count: > 0 } list => list[0]!.AsObject(),
                JsonObject o when o["circuit"] is JsonObject inner => inner,
                JsonObject o when o["qubits"] is not null => o,
                _ => throw new FigureInputException("Circuit data has neither 'circuits', 'circuit' nor 'qubits'."),
            };

            var qubits = (circuit["qubits"] as JsonArray ?? throw new FigureInputException("Circuit data has no 'qubits' array."))
                .Select(q => q!["id"]!.GetValue<int>())
                .ToList();
            var operations = new List<CircuitOperation>();
            var limit = expandDepth ?? int.MaxValue;
            if (circuit["componentGrid"] is JsonArray grid)
            {
                ReadGrid(grid, 0, limit, operations);
            }
            else if (circuit["operations"] is JsonArray legacy)
            {
                ReadLegacy(legacy, 0, limit, operations);
            }
            else
            {
                throw new FigureInputException("Circuit data has neither 'componentGrid' nor 'operations'.");
            }

            var known = qubits.ToHashSet();
            foreach (var op in operations)
            {
                if (op.Qubits.FirstOrDefault(q => !known.Contains(q), -1) is var unknown and >= 0)
                {
                    throw new FigureInputException($"Circuit operation '{op.Gate}' uses qubit {unknown}, which the circuit does not declare.");
                }
            }

            return new CircuitDiagram(qubits, operations);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException)
        {
            throw new FigureInputException($"Circuit data is malformed: {e.Message}", e);
        }
    }

    private static void ReadGrid(JsonArray columns, int depth, int limit, List<CircuitOperation> into)
    {
        foreach (var column in columns)
        {
            foreach (var component in column!["components"]!.AsArray())
            {
                var c = component!.AsObject();
                var kind = c["kind"]?.GetValue<string>() ?? "unitary";
                var gate = c["gate"]?.GetValue<string>() ?? "?";
                if (c["children"] is JsonArray children && children.Count > 0)
                {
                    if (depth < limit)
                    {
                        ReadGrid(children, depth + 1, limit, into);
                        continue;
                    }

                    var inside = new List<CircuitOperation>();
                    ReadGrid(children, depth + 1, int.MaxValue, inside);
                    into.Add(Group(gate, inside, Qubits(c["targets"]).Concat(Qubits(c["controls"]))));
                    continue;
                }

                into.Add(kind switch
                {
                    "unitary" => new CircuitOperation(
                        CircuitOperationKind.Unitary, gate, Strings(c["args"]), Qubits(c["targets"]), Qubits(c["controls"]),
                        c["isAdjoint"]?.GetValue<bool>() ?? false),
                    "measurement" => new CircuitOperation(CircuitOperationKind.Measurement, gate, [], Qubits(c["qubits"]), []),
                    "ket" => new CircuitOperation(CircuitOperationKind.Reset, gate, [], Qubits(c["targets"]), []),
                    _ => throw new FigureInputException($"Circuit component '{gate}' has an unknown kind '{kind}'."),
                });
            }
        }
    }

    private static void ReadLegacy(JsonArray operations, int depth, int limit, List<CircuitOperation> into)
    {
        foreach (var item in operations)
        {
            var o = item!.AsObject();
            var gate = o["gate"]?.GetValue<string>() ?? "?";
            if (o["children"] is JsonArray children && children.Count > 0)
            {
                if (depth < limit)
                {
                    ReadLegacy(children, depth + 1, limit, into);
                    continue;
                }

                var inside = new List<CircuitOperation>();
                ReadLegacy(children, depth + 1, int.MaxValue, inside);
                into.Add(Group(gate, inside, []));
                continue;
            }

            // Old format: a measurement's qubit is its "control" and its target is the classical register (type 1).
            var quantumTargets = LegacyQubits(o["targets"], quantumOnly: true);
            if (o["isMeasurement"]?.GetValue<bool>() == true)
            {
                into.Add(new CircuitOperation(CircuitOperationKind.Measurement, gate, [], LegacyQubits(o["controls"], quantumOnly: true), []));
                continue;
            }

            var arguments = o["displayArgs"] is JsonValue display ? [display.GetValue<string>()] : Array.Empty<string>();
            var controls = o["isControlled"]?.GetValue<bool>() == false ? [] : LegacyQubits(o["controls"], quantumOnly: true);
            into.Add(new CircuitOperation(CircuitOperationKind.Unitary, gate, arguments, quantumTargets, controls,
                o["isAdjoint"]?.GetValue<bool>() ?? false));
        }
    }

    private static CircuitOperation Group(string gate, List<CircuitOperation> inside, IEnumerable<int> declared)
    {
        var qubits = inside.SelectMany(op => op.Qubits).Concat(declared).Distinct().Order().ToList();
        return new CircuitOperation(CircuitOperationKind.Group, gate, [], qubits, []);
    }

    private static IReadOnlyList<int> Qubits(JsonNode? registers) =>
        registers is JsonArray list ? list.Select(r => r!["qubit"]!.GetValue<int>()).Distinct().ToList() : [];

    private static IReadOnlyList<int> LegacyQubits(JsonNode? registers, bool quantumOnly) =>
        registers is JsonArray list
            ? list.Where(r => !quantumOnly || (r!["type"]?.GetValue<int>() ?? 0) == 0).Select(r => r!["qId"]!.GetValue<int>()).Distinct().ToList()
            : [];

    private static IReadOnlyList<string> Strings(JsonNode? values) =>
        values is JsonArray list
            ? list.Select(v => v is JsonValue s && s.TryGetValue<string>(out var text) ? text : Convert.ToString(v?.ToJsonString(),
                CultureInfo.InvariantCulture) ?? string.Empty).ToList()
            : [];
}
