namespace HybridQsharp.Host.Benchmarks;

/// <summary>
/// One training step's wall time (ms) and where it went: data (augmentation, normalisation,
/// batching), forward (model and loss), backward, optimiser (clipping, step, loss read-back), and,
/// for the hybrid, the quantum layer's encoding, circuit forward and circuit backward (inside
/// forward and backward).
/// </summary>
public sealed record StepTimes(double Batch, double Data, double Forward, double Backward, double Optimizer, double Encoding, double CircuitForward,
    double CircuitBackward)
{
    public double Quantum => Encoding + CircuitForward + CircuitBackward;
}
