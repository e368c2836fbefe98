using System.Globalization;

namespace HybridQsharp.Quantum.Memory;

/// <summary>
/// How a workload runs within a memory budget: the estimate, how many samples each quantum layer
/// call may take (a batch is split into calls of that many when the whole batch does not fit),
/// and how many circuits the agreement check runs. What cannot fit at all is refused with one
/// line naming the phase, the need, the budget and, when known, the largest register that fits.
/// </summary>
public sealed record MemoryPlan(QuantumWorkload Workload, MemoryEstimate Estimate, MemoryBudget Budget, int CircuitsPerCall, int AgreementCircuits)
{
    /// <param name="workload">The configuration.</param>
    /// <param name="budget">What the run may use.</param>
    /// <param name="atQubits">The same configuration on another register size, to say what would fit.</param>
    /// <exception cref="MemoryBudgetExceededException">A phase cannot fit, even one sample per call.</exception>
    public static MemoryPlan Create(QuantumWorkload workload, MemoryBudget budget, Func<int, QuantumWorkload>? atQubits = null)
    {
        var (plan, refusal) = TryCreate(workload, budget);
        if (plan is not null)
        {
            return plan;
        }

        var fits = atQubits is null ? null : LargestFitting(atQubits, budget, workload.Qubits - 1);
        var hint = atQubits is null ? string.Empty
            : fits is { } n ? string.Create(CultureInfo.InvariantCulture, $"; at most {n} qubits fit this configuration")
            : "; no register size fits this configuration";
        throw new MemoryBudgetExceededException($"{refusal}, more than the memory budget of {budget}{hint}.");
    }

    /// <summary>The largest register size up to <paramref name="maxQubits"/> whose configuration fits, or null.</summary>
    public static int? LargestFitting(Func<int, QuantumWorkload> atQubits, MemoryBudget budget, int maxQubits)
    {
        for (var n = maxQubits; n >= 1; n--)
        {
            if (TryCreate(atQubits(n), budget).Plan is not null)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>One line for the log: the estimate against the budget and the call size.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture,
            $"memory: {Estimate} against a budget of {Budget}; quantum layer calls of {CircuitsPerCall} samples, " +
            $"agreement check on {AgreementCircuits} circuits");

    private static (MemoryPlan? Plan, string Refusal) TryCreate(QuantumWorkload w, MemoryBudget budget)
    {
        var estimate = MemoryEstimate.For(w);
        var fixedBytes = MemoryEstimate.Sum(MemoryEstimate.BaselineBytes, estimate.TapeBytes);
        var who = string.Create(CultureInfo.InvariantCulture, $"{w.Qubits} qubits, {w.ParameterCount:N0} parameters, {w.GateCount:N0} gates");
        if (Over(fixedBytes, estimate.LiftBytes, budget))
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"Lifting the classifier ({who}) takes {w.ParameterCount + 3:N0} QIR compilations and about " +
                $"{MemoryBudget.Format(MemoryEstimate.Sum(fixedBytes, estimate.LiftBytes))}"));
        }

        if (Over(fixedBytes, estimate.AgreementCheckBytes, budget))
        {
            return (null, $"Checking the native simulator against the Q# simulator ({who}) " +
                $"needs about {MemoryBudget.Format(MemoryEstimate.Sum(fixedBytes, estimate.AgreementCheckBytes))}");
        }

        var available = budget.Bytes - MemoryEstimate.Sum(fixedBytes, estimate.ModelBytes);
        var circuits = available <= 0 ? 0 : MemoryEstimate.CircuitsPerCall(w, available);
        if (circuits == 0)
        {
            var perSample = MemoryEstimate.LayerCall(w, 1);
            return (null, $"Training ({who}, {(w.Gradient == GradientKind.Adjoint ? "adjoint" : "parameter-shift")} gradient) needs about " +
                $"{MemoryBudget.Format(MemoryEstimate.Sum(fixedBytes, estimate.ModelBytes, perSample))} with one sample per quantum layer call " +
                $"(model {MemoryBudget.Format(estimate.ModelBytes)})");
        }

        return (new MemoryPlan(w, estimate, budget, circuits, MemoryEstimate.AgreementCircuitsFor(w.Qubits, w.AgreementCircuits)), string.Empty);
    }

    private static bool Over(long fixedBytes, long phase, MemoryBudget budget) => phase > budget.Bytes - fixedBytes;
}
