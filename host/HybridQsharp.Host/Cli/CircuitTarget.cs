using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Cli;

/// <summary>
/// The circuit a circuit verb works on, with the arguments it is drawn or estimated at: a trained
/// hybrid's circuit, weights and first test sample (--run), or the circuit the settings select
/// (built-in or the user's, through the same path as training) at random points of its ranges.
/// </summary>
public sealed class CircuitTarget : IDisposable
{
    private readonly TrainedRun? _trained;

    private CircuitTarget(ClassifierCircuit circuit, double[][] arguments, CircuitSample? sample, TrainedRun? trained)
    {
        Circuit = circuit;
        Arguments = arguments;
        Sample = sample;
        _trained = trained;
    }

    public ClassifierCircuit Circuit { get; }

    /// <summary>The operation's features and weights.</summary>
    public double[][] Arguments { get; }

    /// <summary>The test sample the features come from, with --run.</summary>
    public CircuitSample? Sample { get; }

    public static async Task<CircuitTarget> ResolveAsync(IServiceProvider services, string? runFolder, CancellationToken cancellationToken)
    {
        if (runFolder is not null)
        {
            var loader = services.GetRequiredService<TrainedRunLoader>();
            var trained = await loader.LoadAsync(new RunFolder(runFolder), ModelKind.Hybrid, cancellationToken);
            try
            {
                var sample = loader.TestSamples(trained, 1, cancellationToken)[0];
                return new CircuitTarget(trained.HybridExecution.Circuit, sample.Arguments, sample, trained);
            }
            catch
            {
                trained.Dispose();
                throw;
            }
        }

        var circuit = await services.GetRequiredService<QuantumCircuitPreparation>()
            .CircuitAsync(services.GetRequiredService<ExperimentSettings>(), cancellationToken);
        return new CircuitTarget(circuit, circuit.Arguments(circuit.RandomPoint(new Random(7))), null, null);
    }

    public void Dispose() => _trained?.Dispose();
}
