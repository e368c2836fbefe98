namespace HybridQsharp.Host.Inference;

/// <summary>
/// ⟨Z_i⟩ and its standard error from a histogram of measured bit strings: each shot contributes
/// +1 or -1 per qubit, so ⟨Z_i⟩ = Σ counts·(1 - 2·bit_i) / shots and SE = sqrt((1 - ⟨Z_i⟩²) / shots).
/// </summary>
public static class ShotEstimates
{
    /// <param name="histogram">Counts over the 2ⁿ outcomes, big-endian (qubit 0 is the most significant bit).</param>
    public static (double[] Expectations, double[] StandardErrors) FromHistogram(IReadOnlyList<int> histogram, int qubits)
    {
        if (histogram.Count != 1 << qubits)
        {
            throw new ArgumentException($"A histogram over {qubits} qubits has {1 << qubits} entries, got {histogram.Count}.", nameof(histogram));
        }

        var shots = histogram.Sum(c => (long)c);
        if (shots == 0)
        {
            throw new ArgumentException("The histogram holds no shots.", nameof(histogram));
        }

        var z = new double[qubits];
        for (var outcome = 0; outcome < histogram.Count; outcome++)
        {
            for (var q = 0; q < qubits; q++)
            {
                z[q] += ((outcome >> (qubits - 1 - q)) & 1) == 0 ? histogram[outcome] : -histogram[outcome];
            }
        }

        var expectations = z.Select(v => v / shots).ToArray();
        return (expectations, expectations.Select(e => Math.Sqrt(Math.Max(0, 1 - (e * e)) / shots)).ToArray());
    }
}
