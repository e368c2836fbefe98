namespace HybridQsharp.Quantum.Memory;

/// <summary>How the quantum layer is differentiated, as far as memory is concerned.</summary>
public enum GradientKind
{
    /// <summary>1 + 2·(shifted rotations) circuits per sample, all in one backend call.</summary>
    ParameterShift,

    /// <summary>One forward and one backward sweep per sample on the native simulator, (qubits + 2) states per worker.</summary>
    Adjoint,
}
