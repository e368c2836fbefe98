namespace HybridQsharp.Host.Benchmarks;

/// <summary>What `bench quantum` measures.</summary>
public sealed record QuantumBenchmarkOptions(IReadOnlyList<int> ScalingQubits, IReadOnlyList<int> Batches, TimeSpan BudgetPerMeasurement);
