using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Host.Circuits;

/// <summary>
/// The QDK resource estimator run on a classifier for its six predefined hardware profiles
/// (gate-based ns/µs with 10⁻³/10⁻⁴ error rates on the surface code; Majorana ns with 10⁻⁴/10⁻⁶
/// on the floquet code), reduced to one row per profile.
/// </summary>
public static class ResourceEstimates
{
    public static readonly string[] Profiles =
        ["qubit_gate_ns_e3", "qubit_gate_ns_e4", "qubit_gate_us_e3", "qubit_gate_us_e4", "qubit_maj_ns_e4", "qubit_maj_ns_e6"];

    /// <summary>What the table's numbers are for.</summary>
    public const string Heading = "QDK resource estimate (one call of the classifier, every qubit measured):";

    public sealed record Row(string Profile, string Status, long? PhysicalQubits, double? RuntimeNanoseconds, long? LogicalQubits,
        long? RotationCount, long? Rqops);

    public static async Task<IReadOnlyList<Row>> EstimateAsync(QsharpRuntime runtime, ClassifierCircuit circuit, double[][] arguments,
        CancellationToken cancellationToken)
    {
        var parameters = new JsonArray(Profiles.Select(p => (JsonNode)(p.StartsWith("qubit_maj", StringComparison.Ordinal)
            ? new JsonObject { ["qubitParams"] = new JsonObject { ["name"] = p }, ["qecScheme"] = new JsonObject { ["name"] = "floquet_code" } }
            : new JsonObject { ["qubitParams"] = new JsonObject { ["name"] = p } })).ToArray());
        var result =
            await runtime.EstimateAsync(circuit.Program, circuit.Operation, circuit.Qubits, arguments, parameters.ToJsonString(), cancellationToken);
        var items = result is JsonArray array ? array.ToList() : [result];
        return items.Select((e, i) => new Row(
            e?["jobParams"]?["qubitParams"]?["name"]?.GetValue<string>() ?? Profiles[i],
            e?["status"]?.GetValue<string>() ?? "unknown",
            e?["physicalCounts"]?["physicalQubits"]?.GetValue<long>(),
            e?["physicalCounts"]?["runtime"]?.GetValue<double>(),
            e?["logicalCounts"]?["numQubits"]?.GetValue<long>(),
            e?["logicalCounts"]?["rotationCount"]?.GetValue<long>(),
            e?["physicalCounts"]?["rqops"]?.GetValue<long>())).ToList();
    }

    public static string Table(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"{"profile",-18} {"physical qubits",16} {"runtime",12} {"logical qubits",15} {"rotations",10} {"rQOPS",12}");
        foreach (var r in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Profile,-18} {r.PhysicalQubits?.ToString("N0", CultureInfo.InvariantCulture) ?? r.Status,16} " +
                $"{Runtime(r.RuntimeNanoseconds),12} {r.LogicalQubits,15} {r.RotationCount,10} " +
                $"{r.Rqops?.ToString("N0", CultureInfo.InvariantCulture),12}"));
        }

        return text.ToString();
    }

    private static string Runtime(double? ns) => ns switch
    {
        null => "–",
        < 1e3 => $"{ns:F0} ns",
        < 1e6 => $"{ns / 1e3:F1} µs",
        < 1e9 => $"{ns / 1e6:F1} ms",
        _ => $"{ns / 1e9:F2} s",
    };
}
