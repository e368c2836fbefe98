using HybridQsharp.Quantum.Qsharp;

namespace HybridQsharp.Quantum.Circuits;

/// <summary>
/// Checks with the Q# compiler that an operation has the classifier signature
/// <c>(features : Double[], weights : Double[], qubits : Qubit[]) =&gt; Unit</c>, by compiling a
/// one-line caller that binds its result to a Unit. A classifier that measures and returns a
/// Result (or takes other arguments) is then refused with the compiler's own words, before its
/// QIR, which would measure through extra qubits, reaches the lifter.
/// </summary>
public static class ClassifierContract
{
    private const string ProbeFile = "<hybridqsharp-contract>";

    public const string Signature = "(features : Double[], weights : Double[], qubits : Qubit[]) => Unit";

    /// <exception cref="QsharpCompilationException">The user's program itself does not compile.</exception>
    /// <exception cref="ClassifierContractException">It compiles, but the operation does not have the classifier signature.</exception>
    public static async Task VerifyAsync(QsharpRuntime runtime, ClassifierCircuit circuit, CancellationToken cancellationToken = default)
    {
        var probe = $$"""
            namespace HybridQsharpRuntime.Contract {
                operation Probe(features : Double[], weights : Double[], qubits : Qubit[]) : Unit {
                    let unit : Unit = {{circuit.Operation}}(features, weights, qubits);
                }
            }
            """;
        var errors = (await runtime.CheckAsync(circuit.Program.With([new QsharpSource(ProbeFile, probe)]), cancellationToken))
            .Where(d => d.Severity.Equals("error", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (errors.Count == 0)
        {
            return;
        }

        var own = errors.Where(d => d.File != ProbeFile).ToList();
        if (own.Count > 0)
        {
            throw new QsharpCompilationException(own);
        }

        var why = string.Join("; ", errors.Select(d => d.Message).Distinct());
        throw new ClassifierContractException(
            $"{circuit.Operation} is not a classifier {Signature} ({why}). A classifier leaves its qubits unmeasured and returns Unit: " +
            "its outputs are ⟨Z⟩ on each qubit, which the host computes.");
    }
}
