using System.Globalization;
using System.Text.RegularExpressions;

namespace HybridQsharp.Quantum.Tapes;

/// <summary>
/// An observable that is a tensor product of Pauli operators, e.g. Z0 Z1 or X2 (identity on
/// every qubit not named). A classifier's outputs are the expectations of its observables;
/// the default is Z on each qubit.
/// </summary>
public sealed partial record PauliString
{
    public PauliString(IReadOnlyList<PauliFactor> factors)
    {
        var sorted = factors.Where(f => f.Pauli != Pauli.I).OrderBy(f => f.Qubit).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Qubit < 0)
            {
                throw new ArgumentException($"Qubit index {sorted[i].Qubit} is negative.", nameof(factors));
            }

            if (i > 0 && sorted[i].Qubit == sorted[i - 1].Qubit)
            {
                throw new ArgumentException($"Qubit {sorted[i].Qubit} appears twice in one Pauli string.", nameof(factors));
            }
        }

        Factors = sorted;
    }

    /// <summary>The non-identity factors, by ascending qubit.</summary>
    public IReadOnlyList<PauliFactor> Factors { get; }

    /// <summary>The largest qubit index the string acts on, or -1 for the identity.</summary>
    public int MaxQubit => Factors.Count == 0 ? -1 : Factors[^1].Qubit;

    /// <summary>True when every factor is Z (the observable is diagonal in the computational basis).</summary>
    public bool IsDiagonal => Factors.All(f => f.Pauli == Pauli.Z);

    public static PauliString Z(int qubit) => new([new PauliFactor(qubit, Pauli.Z)]);

    /// <summary>Z on each of <paramref name="qubits"/> qubits: the default outputs of a classifier.</summary>
    public static IReadOnlyList<PauliString> ZOnEach(int qubits) => Enumerable.Range(0, qubits).Select(Z).ToArray();

    /// <summary>Whether <paramref name="observables"/> is exactly Z0, Z1, …, Z(n-1).</summary>
    public static bool AreZOnEach(IReadOnlyList<PauliString> observables, int qubits) =>
        observables.Count == qubits && observables.Select((o, q) => o.Factors.Count == 1 && o.Factors[0] == new PauliFactor(q, Pauli.Z)).All(b => b);

    /// <summary>Parses "Z0 Z1", "X2", "Y0*Z3" or "I" (case-insensitive; factors separated by spaces or '*').</summary>
    /// <exception cref="FormatException">The text is not a Pauli string.</exception>
    public static PauliString Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("I", StringComparison.OrdinalIgnoreCase))
        {
            return new PauliString([]);
        }

        var factors = new List<PauliFactor>();
        foreach (var token in trimmed.Split([' ', '*', '⊗'], StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Factor().Match(token);
            if (!match.Success)
            {
                throw new FormatException($"'{token}' in '{text}' is not a Pauli factor such as Z0 or X2.");
            }

            var pauli = char.ToUpperInvariant(match.Groups["p"].Value[0]) switch
            {
                'X' => Pauli.X,
                'Y' => Pauli.Y,
                'Z' => Pauli.Z,
                _ => Pauli.I,
            };
            factors.Add(new PauliFactor(int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture), pauli));
        }

        if (factors.Count == 0)
        {
            throw new FormatException($"'{text}' names no Pauli factor.");
        }

        try
        {
            return new PauliString(factors);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{text}': {e.Message}");
        }
    }

    public bool Equals(PauliString? other) => other is not null && Factors.SequenceEqual(other.Factors);

    public override int GetHashCode() => Factors.Aggregate(17, (h, f) => HashCode.Combine(h, f));

    /// <summary>"Z0 Z1", "X2", or "I" for the identity.</summary>
    public override string ToString() => Factors.Count == 0 ? "I" : string.Join(' ', Factors.Select(f => $"{f.Pauli}{f.Qubit}"));

    [GeneratedRegex(@"^(?<p>[IXYZixyz])(?<q>[0-9]+)$")]
    private static partial Regex Factor();
}
