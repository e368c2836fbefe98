namespace HybridQsharp.Quantum.Circuits;

/// <summary>
/// The trainable part of the circuit: the two ansatzes callers chose before <see cref="AnsatzCatalog"/>
/// (a shim; new code takes an <see cref="AnsatzDefinition"/>).
/// </summary>
public enum Ansatz
{
    /// <summary>RX per qubit then a CNOT ring, per layer (the paper's choice).</summary>
    BasicEntangler,

    /// <summary>Rot(φ, θ, ω) per qubit then ranged CNOTs, per layer.</summary>
    StronglyEntangling,
}
