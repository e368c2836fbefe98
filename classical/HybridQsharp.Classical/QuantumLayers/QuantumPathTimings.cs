using System.Diagnostics;

namespace HybridQsharp.Classical.QuantumLayers;

/// <summary>
/// Wall time of a quantum layer's path since creation, split the way a profile needs it:
/// encoding (inputs to features and back, with the tensor copies), circuit forward (what the
/// autograd forward asks of the backend: values, or for parameter shift the whole Jacobian)
/// and circuit backward (the vector-Jacobian product). Safe to update from several threads.
/// </summary>
public sealed class QuantumPathTimings
{
    private long _encodingTicks;
    private long _forwardTicks;
    private long _backwardTicks;

    public TimeSpan Encoding => Span(Interlocked.Read(ref _encodingTicks));

    public TimeSpan CircuitForward => Span(Interlocked.Read(ref _forwardTicks));

    public TimeSpan CircuitBackward => Span(Interlocked.Read(ref _backwardTicks));

    public TimeSpan Total => Encoding + CircuitForward + CircuitBackward;

    public void AddEncoding(long startTimestamp) => Interlocked.Add(ref _encodingTicks, Stopwatch.GetTimestamp() - startTimestamp);

    public void AddCircuitForward(long startTimestamp) => Interlocked.Add(ref _forwardTicks, Stopwatch.GetTimestamp() - startTimestamp);

    public void AddCircuitBackward(long startTimestamp) => Interlocked.Add(ref _backwardTicks, Stopwatch.GetTimestamp() - startTimestamp);

    private static TimeSpan Span(long ticks) => TimeSpan.FromTicks(ticks * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
}
