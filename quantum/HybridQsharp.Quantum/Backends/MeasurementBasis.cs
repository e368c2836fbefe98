using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Backends;

/// <summary>
/// The Pauli basis each qubit is measured in (I where any will do). Observables that agree on
/// every qubit they share (qubit-wise commuting) are measured together: after rotating each
/// qubit's basis onto Z, every one of them is a Z-parity of the measured bits.
/// </summary>
public sealed class MeasurementBasis
{
    private readonly Pauli[] _bases;

    private MeasurementBasis(Pauli[] bases) => _bases = bases;

    public static MeasurementBasis Computational(int qubits) => new(new Pauli[qubits]);

    public Pauli On(int qubit) => _bases[qubit];

    /// <summary>A stable text key, e.g. "IXZY".</summary>
    public string Key => string.Concat(_bases.Select(b => b.ToString()));

    /// <summary>
    /// Groups observables greedily into shared bases, in order; each group lists the indices of its
    /// observables. Z on each qubit is one group in the computational basis.
    /// </summary>
    public static IReadOnlyList<(MeasurementBasis Basis, int[] Observables)> Group(IReadOnlyList<PauliString> observables, int qubits)
    {
        var groups = new List<(Pauli[] Bases, List<int> Members)>();
        for (var o = 0; o < observables.Count; o++)
        {
            var factors = observables[o].Factors;
            var group = groups.FindIndex(g => factors.All(f => g.Bases[f.Qubit] == Pauli.I || g.Bases[f.Qubit] == f.Pauli));
            if (group < 0)
            {
                group = groups.Count;
                groups.Add((new Pauli[qubits], []));
            }

            foreach (var factor in factors)
            {
                groups[group].Bases[factor.Qubit] = factor.Pauli;
            }

            groups[group].Members.Add(o);
        }

        return groups.Select(g => (new MeasurementBasis(g.Bases), g.Members.ToArray())).ToArray();
    }
}
