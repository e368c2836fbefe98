namespace HybridQsharp.Tests.Classical.Training;

/// <summary>
/// Tests that need torch's process-wide random generator to themselves (determinism checks):
/// xunit runs this collection alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchRandomCollection
{
    public const string Name = "torch global RNG";
}
