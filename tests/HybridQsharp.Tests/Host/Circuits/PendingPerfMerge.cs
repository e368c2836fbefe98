namespace HybridQsharp.Tests.Host.Circuits;

/// <summary>
/// Skip reasons of tests that need work from another branch; the lead removes the Skip when merging it.
/// </summary>
public static class PendingPerfMerge
{
    public const string PauliObservables =
        "Needs Pauli-string observables other than Z on each qubit in the native simulator, parameter shift and adjoint (branch perf).";
}
