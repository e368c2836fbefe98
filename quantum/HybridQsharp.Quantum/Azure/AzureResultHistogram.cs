using System.Text.Json.Nodes;

namespace HybridQsharp.Quantum.Azure;

/// <summary>
/// Reads an Azure Quantum result blob into outcome → weight, for both published formats:
/// microsoft.quantum-results.v1 ({"Histogram": ["[0, 1]", 0.25, ...]}, probabilities) and
/// microsoft.quantum-results.v2 ({"Results": [{"Histogram": [{"Display": "[0, 1]", "Count": 25}, ...]}]}, counts).
/// Outcomes list results in measurement order: result i is qubit i.
/// </summary>
public static class AzureResultHistogram
{
    public static IReadOnlyDictionary<string, double> Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new AzureQuantumException($"The job's output is not JSON: {e.Message}");
        }

        var histogram = new Dictionary<string, double>();
        if (root?["Histogram"] is JsonArray v1)
        {
            for (var i = 0; i + 1 < v1.Count; i += 2)
            {
                histogram[Normalise(v1[i]!.GetValue<string>())] = v1[i + 1]!.GetValue<double>();
            }

            return histogram;
        }

        if (root?["Results"] is JsonArray results)
        {
            foreach (var entry in results.SelectMany(r => r?["Histogram"]?.AsArray() ?? []))
            {
                var key = Normalise(entry!["Display"]?.GetValue<string>() ?? entry["Outcome"]!.ToJsonString());
                histogram[key] = histogram.GetValueOrDefault(key) + entry["Count"]!.GetValue<double>();
            }

            return histogram;
        }

        throw new AzureQuantumException("The job's output has neither a v1 'Histogram' nor v2 'Results'.");
    }

    /// <summary>⟨Z_i⟩ and standard errors from a histogram over n-bit outcomes (weights may be counts or probabilities).</summary>
    public static (double[] Expectations, double[] StandardErrors) Expectations(IReadOnlyDictionary<string, double> histogram, int qubits, int shots)
    {
        var total = histogram.Values.Sum();
        if (total <= 0)
        {
            throw new AzureQuantumException("The job's histogram is empty.");
        }

        var z = new double[qubits];
        foreach (var (outcome, weight) in histogram)
        {
            var bits = outcome.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (bits.Length != qubits)
            {
                throw new AzureQuantumException($"Outcome {outcome} has {bits.Length} results; the program measures {qubits} qubits.");
            }

            for (var q = 0; q < qubits; q++)
            {
                z[q] += (bits[q] is "1" or "One" ? -1 : 1) * weight / total;
            }
        }

        return (z, z.Select(e => Math.Sqrt(Math.Max(0, 1 - (e * e)) / shots)).ToArray());
    }

    private static string Normalise(string outcome) =>
        "[" + string.Join(", ", outcome.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) + "]";
}
