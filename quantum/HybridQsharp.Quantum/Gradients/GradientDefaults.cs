using HybridQsharp.Quantum.Backends;

namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// Which gradient method to use when the configuration does not say: parameter shift (what
/// hardware can run, and the design's default) while it is cheap, adjoint differentiation from
/// <see cref="AdjointFromQubits"/> qubits on a backend that holds the state.
/// </summary>
/// <remarks>
/// Parameter shift costs 1 + 2·(rotations) circuit runs per sample, and rotations grow with the
/// register, so its cost grows about as n²·2ⁿ against adjoint's n·2ⁿ. Measured on this project's
/// 2-core machine for angle encoding + BasicEntanglerLayers(2), batch 64 (docs/results.md): 5 ms
/// at 6 qubits (well under the ~12–35 ms of the rest of a training step), 44 ms at 8 qubits
/// (more than the rest of the step, and 29× the adjoint vector-Jacobian product), 300 ms at 10.
/// </remarks>
public static class GradientDefaults
{
    /// <summary>Registers of at least this many qubits default to adjoint differentiation where the backend allows it.</summary>
    public const int AdjointFromQubits = 8;

    /// <summary>The configuration value that asks for this default.</summary>
    public const string Auto = "auto";

    /// <summary>The key of the default method for <paramref name="qubits"/> qubits on a backend with <paramref name="capabilities"/>.</summary>
    public static string KeyFor(int qubits, BackendCapabilities capabilities) =>
        qubits >= AdjointFromQubits && capabilities.HasFlag(BackendCapabilities.StateVector) ? "adjoint" : "parameter-shift";

    /// <summary>The default method for a register of <paramref name="qubits"/> qubits on <paramref name="backend"/>.</summary>
    public static IGradientMethod For(int qubits, IQuantumBackend backend) =>
        qubits >= AdjointFromQubits && AdjointDifferentiation.Instance.Supports(backend) ? AdjointDifferentiation.Instance : ParameterShift.Instance;
}
