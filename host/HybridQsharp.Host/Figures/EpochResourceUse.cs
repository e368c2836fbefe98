namespace HybridQsharp.Host.Figures;

/// <summary>
/// Resources spent in one epoch. The three wall-time parts are disjoint (quantum-layer time is not
/// also counted in forward/backward); CPU time is the process's user + system time.
/// </summary>
public sealed record EpochResourceUse(
    int Epoch, double DataSeconds, double ForwardBackwardSeconds, double QuantumLayerSeconds,
    double ProcessCpuSeconds, double PeakWorkingSetMegabytes);
