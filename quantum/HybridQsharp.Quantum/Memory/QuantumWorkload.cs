using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Memory;

/// <summary>
/// The sizes that decide how much memory a quantum layer's run needs: the circuit (qubits,
/// parameters, gates, rotations, affine coefficients), how it is batched, differentiated and
/// executed, and the classical model around it.
/// </summary>
/// <param name="Qubits">Register size n; a state holds 2ⁿ complex amplitudes.</param>
/// <param name="ParameterCount">Features plus weights of the classifier.</param>
/// <param name="GateCount">Gates of the lifted tape.</param>
/// <param name="RotationCount">Rotation gates (the tape's angles).</param>
/// <param name="ShiftedRotationCount">Rotations whose angle depends on a parameter (parameter shift runs two circuits for each).</param>
/// <param name="CoefficientCount">Non-zero affine coefficients of all angles (the tape's size).</param>
/// <param name="BatchSize">Samples per quantum layer call.</param>
/// <param name="Workers">Simulator workers running at once.</param>
/// <param name="Gradient">How the layer is differentiated.</param>
/// <param name="Backend">Where circuits run.</param>
/// <param name="AgreementCircuits">Circuits of the native-vs-Q# agreement check.</param>
/// <param name="ModelParameters">Trainable parameters of the whole classical model.</param>
public sealed record QuantumWorkload(
    int Qubits,
    long ParameterCount,
    long GateCount,
    long RotationCount,
    long ShiftedRotationCount,
    long CoefficientCount,
    int BatchSize,
    int Workers,
    GradientKind Gradient,
    BackendKind Backend,
    int AgreementCircuits,
    long ModelParameters)
{
    /// <summary>
    /// A built-in classifier's workload, before anything is compiled: the gate counts of
    /// quantum/src (the Möttönen tree has 2ⁿ-1 RY and 2ⁿ⁺¹-2n-2 CNOTs, the tree angle of level t
    /// depends on 2ᵗ features; BasicEntangler has n RX and a ring of n CNOTs per layer, one for
    /// n = 2; StronglyEntangling 3n rotations and n CNOTs per layer).
    /// </summary>
    public static QuantumWorkload ForBuiltIn(Encoding encoding, Ansatz ansatz, int qubits, int layers, int batchSize, int workers,
        GradientKind gradient, BackendKind backend, int agreementCircuits = 16, long modelParameters = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qubits, 30);
        long encodingRotations, encodingCnots, encodingCoefficients;
        if (encoding == Encoding.Amplitude)
        {
            encodingRotations = (1L << qubits) - 1;
            encodingCnots = (1L << (qubits + 1)) - (2L * qubits) - 2;
            encodingCoefficients = ((1L << (2 * qubits)) - 1) / 3;
        }
        else
        {
            (encodingRotations, encodingCnots, encodingCoefficients) = (qubits, 0, qubits);
        }

        var perLayerRotations = ansatz == Ansatz.BasicEntangler ? qubits : 3L * qubits;
        var perLayerCnots = qubits < 2 ? 0 : ansatz == Ansatz.BasicEntangler && qubits == 2 ? 1 : qubits;
        var rotations = encodingRotations + (layers * perLayerRotations);
        return new QuantumWorkload(
            qubits,
            BuiltInClassifiers.FeatureCount(encoding, qubits) + (long)BuiltInClassifiers.WeightCount(ansatz, qubits, layers),
            rotations + encodingCnots + (layers * perLayerCnots),
            rotations,
            rotations,
            encodingCoefficients + (layers * perLayerRotations),
            batchSize,
            workers,
            gradient,
            backend,
            agreementCircuits,
            modelParameters);
    }

    /// <summary>The workload of a lifted tape.</summary>
    public static QuantumWorkload ForTape(CircuitTape tape, int batchSize, int workers, GradientKind gradient, BackendKind backend,
        int agreementCircuits = 16, long modelParameters = 0) =>
        new(
            tape.Qubits,
            tape.ParameterCount,
            tape.Gates.Count,
            tape.AngleCount,
            tape.Angles.Count(a => !a.IsConstant),
            tape.Angles.Sum(a => (long)a.ParameterIndices.Length),
            batchSize,
            workers,
            gradient,
            backend,
            agreementCircuits,
            modelParameters);

    /// <summary>
    /// What is known of any classifier before it is lifted: every parameter moves at least one
    /// rotation, so it has at least as many gates, rotations and coefficients as parameters.
    /// </summary>
    public static QuantumWorkload LowerBound(ClassifierCircuit circuit, int batchSize, int workers, GradientKind gradient, BackendKind backend,
        int agreementCircuits = 16, long modelParameters = 0)
    {
        var parameters = (long)circuit.ParameterCount;
        return new QuantumWorkload(circuit.Qubits, parameters, parameters, parameters, parameters, parameters, batchSize, workers, gradient, backend,
            agreementCircuits, modelParameters);
    }
}
