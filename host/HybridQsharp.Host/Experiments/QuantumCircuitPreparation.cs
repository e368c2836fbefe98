using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Experiments;

/// <summary>
/// Turns the configured Q# classifier into what a quantum layer runs: compiles it (diagnostics
/// surface as QsharpCompilationException), lifts it to a tape, checks the native simulator
/// against the Q# simulator on random inputs, and picks backend and gradient method.
/// </summary>
public sealed class QuantumCircuitPreparation(
    QsharpRuntime runtime, TapeLifter lifter, NativeBackend native, QsharpBackend qsharp,
    ILogger<QuantumCircuitPreparation> logger)
{
    public async Task<QuantumCircuitExecution> PrepareAsync(ExperimentOptions options, CancellationToken cancellationToken)
    {
        var circuit = Circuit(options);
        var errors = (await runtime.CheckAsync(circuit.Program, cancellationToken)).Where(d => d.Severity.Equals("error", StringComparison.OrdinalIgnoreCase)).ToList();
        if (errors.Count > 0)
            throw new QsharpCompilationException(errors);
        var tape = await lifter.LiftAsync(circuit, cancellationToken);
        var worst = await BackendAgreementCheck.VerifyAsync(tape, qsharp, native, cancellationToken: cancellationToken);
        logger.LogInformation("{Operation}: {Gates} gates on {Qubits} qubits; native and Q# simulators agree to {Worst:E1} on 16 random circuits",
            circuit.Operation, tape.Gates.Count, tape.Qubits, worst);

        IQuantumBackend backend = options.Backend.Equals("qsharp", StringComparison.OrdinalIgnoreCase) ? qsharp : native;
        IGradientMethod gradient = options.Gradient.Equals("adjoint", StringComparison.OrdinalIgnoreCase)
            ? new AdjointDifferentiation()
            : new ParameterShift();
        return new QuantumCircuitExecution(circuit, tape, backend, gradient);
    }

    /// <summary>The built-in classifier for the options, or the user's operation from their .qs files.</summary>
    public static ClassifierCircuit Circuit(ExperimentOptions options)
    {
        var encoding = EncodingOf(options);
        var ansatz = options.Ansatz.Equals("strong", StringComparison.OrdinalIgnoreCase) ? Ansatz.StronglyEntangling : Ansatz.BasicEntangler;
        if (options.QsharpFiles.Length == 0)
            return BuiltInClassifiers.Create(encoding, ansatz, options.Qubits, options.Layers);

        // A user's classifier follows the built-in contract: features for the encoding, weights for the ansatz.
        return new ClassifierCircuit(QsharpProgram.BuiltIn().With(QsharpProgram.FromFiles(options.QsharpFiles).Sources), options.Operation!, options.Qubits,
            BuiltInClassifiers.FeatureCount(encoding, options.Qubits), BuiltInClassifiers.WeightCount(ansatz, options.Qubits, options.Layers));
    }

    public static Encoding EncodingOf(ExperimentOptions options) =>
        options.Encoding.Equals("angle", StringComparison.OrdinalIgnoreCase) ? Encoding.Angle : Encoding.Amplitude;
}
