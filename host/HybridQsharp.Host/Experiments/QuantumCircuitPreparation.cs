using HybridQsharp.Classical.QuantumLayers;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Gradients;
using HybridQsharp.Quantum.Lifting;
using HybridQsharp.Quantum.Memory;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Experiments;

/// <summary>
/// Turns the configured Q# classifier into what a quantum layer runs: compiles it (diagnostics
/// surface as QsharpCompilationException), reads its shape from its Q# shape function, lifts it
/// to a tape verified against the original operation, checks the native simulator against the Q#
/// simulator running that operation, and resolves the backend and gradient method chosen by key.
/// </summary>
public sealed class QuantumCircuitPreparation(
    IServiceProvider services, QsharpRuntime runtime, TapeLifter lifter,
    ILogger<QuantumCircuitPreparation> logger)
{
    public async Task<QuantumCircuitExecution> PrepareAsync(ExperimentSettings settings, CancellationToken cancellationToken)
    {
        var circuit = await CircuitAsync(settings, cancellationToken);
        lifter.MemoryBudget = settings.MemoryBudget;
        var tape = await lifter.LiftAsync(circuit, cancellationToken);
        var backend = services.GetRequiredKeyedService<IQuantumBackend>(settings.Backend);
        var gradient = services.GetRequiredKeyedService<IGradientMethod>(settings.Gradient);

        var execution = new QuantumCircuitExecution(circuit, tape, backend, gradient) { MemoryBudget = settings.MemoryBudget };

        // Estimated before anything large is allocated: a configuration that cannot fit is refused in one line.
        var plan = MemoryPlan.Create(execution.Workload(settings.Plan.BatchSize), settings.MemoryBudget);
        execution.MaxCircuitsPerCall = plan.CircuitsPerCall;
        logger.LogInformation("{Operation}: {Memory}", circuit.Operation, plan.Describe());

        var native = services.GetRequiredKeyedService<IQuantumBackend>("native");
        var circuits = plan.AgreementCircuits;
        var worst = await BackendAgreementCheck.VerifyAsync(circuit, tape, runtime, native, circuits, cancellationToken: cancellationToken);
        logger.LogInformation(
            "{Operation}: {Gates} gates on {Qubits} qubits, {Features} features, {Weights} weights, outputs {Observables}; " +
            "native tape and the Q# operation agree to {Worst:E1} on {Circuits} random circuits",
            circuit.Operation, tape.Gates.Count, tape.Qubits, circuit.FeatureCount, circuit.WeightCount, string.Join(", ", circuit.Observables),
            worst, circuits);

        return execution;
    }

    /// <summary>
    /// The classifier the settings name: a built-in one (encoding × ansatz) or the user's operation
    /// from their .qs files, compiled, with the shape its Q# shape function declares (or --features /
    /// --weights where given).
    /// </summary>
    /// <exception cref="QsharpException">It does not compile, its shape is missing or nonsense, or it does not fit the encoding.</exception>
    public async Task<ClassifierCircuit> CircuitAsync(ExperimentSettings settings, CancellationToken cancellationToken)
    {
        var program = settings.QsharpFiles.Count == 0
            ? QsharpProgram.BuiltIn()
            : QsharpProgram.BuiltIn().With(QsharpProgram.FromFiles(settings.QsharpFiles).Sources);
        var errors = (await runtime.CheckAsync(program, cancellationToken)).Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new QsharpCompilationException(errors);
        }

        if (settings.QsharpFiles.Count == 0)
        {
            return await BuiltInClassifiers.LoadAsync(runtime, settings.Encoding, settings.Ansatz, settings.Qubits, settings.Layers, program,
                cancellationToken);
        }

        var operation = settings.Operation!;
        var circuit = settings is { Features: { } f, Weights: { } w }
            ? new ClassifierCircuit(program, operation, settings.Qubits, f, w) { FeatureRange = BuiltInClassifiers.FeatureRange(settings.Encoding) }
            : await ClassifierCircuit.LoadAsync(runtime, program, operation, settings.Qubits, settings.Layers, cancellationToken);
        circuit = circuit with
        {
            FeatureCount = settings.Features ?? circuit.FeatureCount,
            WeightCount = settings.Weights ?? circuit.WeightCount,
        };
        if (settings.Encoding == Encoding.Amplitude && circuit.FeatureCount != BuiltInClassifiers.FeatureCount(Encoding.Amplitude, settings.Qubits))
        {
            throw new ClassifierShapeException(
                $"{operation} reads {circuit.FeatureCount} features, but amplitude encoding on {settings.Qubits} qubits gives " +
                $"{BuiltInClassifiers.FeatureCount(Encoding.Amplitude, settings.Qubits)} tree angles; use --encoding angle for any other count.");
        }

        return circuit;
    }
}
