using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Qsharp;
using HybridQsharp.Quantum.Tapes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Experiments;

/// <summary>
/// Turns the configured Q# classifier into what a quantum layer runs: compiles it (diagnostics
/// surface as QsharpCompilationException), lifts it to a tape, checks the native simulator
/// against the Q# simulator on random inputs, and resolves the backend and gradient method chosen
/// by key among the registered ones.
/// </summary>
public sealed class QuantumCircuitPreparation(
    IServiceProvider services, QsharpRuntime runtime, TapeLifter lifter, IEnumerable<GradientMethodRegistration> gradients,
    ILogger<QuantumCircuitPreparation> logger)
{
    public async Task<QuantumCircuitExecution> PrepareAsync(ExperimentSettings settings, CancellationToken cancellationToken)
    {
        var circuit = Circuit(settings);
        var errors = (await runtime.CheckAsync(circuit.Program, cancellationToken)).Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new QsharpCompilationException(errors);
        }

        var tape = await lifter.LiftAsync(circuit, cancellationToken);
        var native = services.GetRequiredKeyedService<IQuantumBackend>("native");
        var qsharp = services.GetRequiredKeyedService<IQuantumBackend>("qsharp");
        var worst = await BackendAgreementCheck.VerifyAsync(tape, qsharp, native, cancellationToken: cancellationToken);
        logger.LogInformation("{Operation}: {Gates} gates on {Qubits} qubits; native and Q# simulators agree to {Worst:E1} on 16 random circuits",
            circuit.Operation, tape.Gates.Count, tape.Qubits, worst);

        var backend = services.GetRequiredKeyedService<IQuantumBackend>(settings.Backend);
        var gradient = gradients.Single(g => g.Key == settings.Gradient).Create(services, backend);
        return new QuantumCircuitExecution(circuit, tape, backend, gradient);
    }

    /// <summary>The built-in classifier for the settings, or the user's operation from their .qs files.</summary>
    public static ClassifierCircuit Circuit(ExperimentSettings settings)
    {
        if (settings.QsharpFiles.Count == 0)
        {
            return BuiltInClassifiers.Create(settings.Encoding, settings.Ansatz, settings.Qubits, settings.Layers);
        }

        // A user's classifier follows the built-in contract: features for the encoding, weights for the ansatz.
        return new ClassifierCircuit(QsharpProgram.BuiltIn().With(QsharpProgram.FromFiles(settings.QsharpFiles).Sources), settings.Operation!, settings.Qubits,
            BuiltInClassifiers.FeatureCount(settings.Encoding, settings.Qubits), BuiltInClassifiers.WeightCount(settings.Ansatz, settings.Qubits, settings.Layers));
    }
}
