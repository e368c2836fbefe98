namespace HybridQsharp.Quantum.Circuits;

/// <summary>The trainable part of the circuit.</summary>
public enum Ansatz
{
    /// <summary>RX per qubit then a CNOT ring, per layer (the paper's choice).</summary>
    BasicEntangler,

    /// <summary>Rot(φ, θ, ω) per qubit then ranged CNOTs, per layer.</summary>
    StronglyEntangling,
}
