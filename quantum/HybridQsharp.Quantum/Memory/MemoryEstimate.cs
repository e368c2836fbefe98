namespace HybridQsharp.Quantum.Memory;

/// <summary>
/// The memory a quantum workload needs, phase by phase, from its sizes alone (a pure function:
/// nothing is allocated or compiled). Phases run one after another, so the peak is the largest
/// phase on top of what stays for the whole run (runtime baseline, tape, model).
/// </summary>
/// <remarks>
/// The per-item constants were measured on this project (Linux x64, .NET 10, Node 20, qsharp-lang
/// 1.32) and are rounded up: lifting the 8-qubit amplitude classifier (274 QIR compilations of
/// 781 gates) grew the .NET process by 330 MB and Node by 65 MB, about 1,850 bytes per gate and
/// compilation; a Q# state dump costs Node about 900 bytes per amplitude while it is reduced
/// (18 qubits), of which 230 stay per dump when dumps are kept. Estimates are meant to be right
/// within a factor of two, enough to refuse what cannot fit and to size chunks.
/// </remarks>
/// <param name="LiftBytes">Lifting: P + 3 QIR compilations of the classifier, their requests, texts and gate lists.</param>
/// <param name="AgreementCheckBytes">The native-vs-Q# check: the tape as Q#, one state dump at a time in Node, native states.</param>
/// <param name="LayerCallBytes">One quantum layer call on a whole batch: angle rows of every (shifted) circuit, states, Jacobian.</param>
/// <param name="TapeBytes">The lifted tape (gates and affine coefficients), held for the whole run.</param>
/// <param name="ModelBytes">The classical model's parameters, gradients and the two Adam moments (float32).</param>
public sealed record MemoryEstimate(long LiftBytes, long AgreementCheckBytes, long LayerCallBytes, long TapeBytes, long ModelBytes)
{
    /// <summary>A training process at rest: .NET with libtorch loaded, and Node with the Q# compiler.</summary>
    public const long BaselineBytes = 512L << 20;

    /// <summary>.NET and Node bytes per gate per QIR compilation while lifting (text, JSON copies, gate lists).</summary>
    public const long LiftBytesPerGate = 1_850;

    /// <summary>Bytes per double sent in a JSON request, counting the .NET node tree, its text and Node's parse.</summary>
    public const long RequestBytesPerDouble = 140;

    /// <summary>Node bytes per amplitude while one DumpMachine state is turned into expectations.</summary>
    public const long DumpBytesPerAmplitude = 900;

    /// <summary>
    /// Q# simulator work the agreement check allows: circuits × 2ⁿ amplitudes at most this (16 circuits up to 14 qubits, 1 from 18).
    /// </summary>
    public const long AgreementAmplitudes = 1L << 18;

    /// <summary>Circuits the Q# backend sends per request.</summary>
    public const int QsharpCircuitsPerRequest = 2000;

    private const long Double = sizeof(double);
    private const long Complex = 2 * sizeof(double);

    /// <summary>The phase that needs most, with the run's fixed part, in bytes.</summary>
    public long PeakBytes => Sum(BaselineBytes, TapeBytes, Math.Max(LiftBytes, Math.Max(AgreementCheckBytes, Sum(ModelBytes, LayerCallBytes))));

    public static MemoryEstimate For(QuantumWorkload workload) =>
        new(
            Lift(workload),
            AgreementCheck(workload),
            LayerCall(workload, workload.BatchSize),
            Sum(workload.CoefficientCount * 12, workload.GateCount * 32, workload.RotationCount * 80),
            Sum(workload.ModelParameters * 16));

    /// <summary>Lifting: one compilation at a base point, one per parameter, two at check points.</summary>
    public static long Lift(QuantumWorkload w)
    {
        var probes = w.ParameterCount + 3;
        return Sum(Product(probes, w.ParameterCount, RequestBytesPerDouble), Product(probes, w.GateCount, LiftBytesPerGate));
    }

    /// <summary>The agreement check on <see cref="AgreementCircuitsFor"/> circuits.</summary>
    public static long AgreementCheck(QuantumWorkload w)
    {
        var circuits = AgreementCircuitsFor(w.Qubits, w.AgreementCircuits);
        return Sum(
            Product(w.GateCount, 200),
            Product(circuits, w.RotationCount, RequestBytesPerDouble),
            Product(1L << w.Qubits, DumpBytesPerAmplitude),
            Product(Math.Min(w.Workers, circuits), StateBytes(w.Qubits)));
    }

    /// <summary>One quantum layer call on <paramref name="circuits"/> samples (forward values and Jacobian).</summary>
    public static long LayerCall(QuantumWorkload w, int circuits)
    {
        var jacobian = Product(circuits, w.Qubits, w.ParameterCount, 3 * Double);
        var inputs = Product(circuits, w.ParameterCount + w.RotationCount, 2 * Double);
        if (w.Gradient == GradientKind.Adjoint)
        {
            var perWorker = Sum(Product(w.Qubits + 2, StateBytes(w.Qubits)), Product(w.Qubits, w.RotationCount, Double));
            return Sum(jacobian, inputs, Product(Math.Min(w.Workers, circuits), perWorker));
        }

        var rows = Product(circuits, 1 + (2 * w.ShiftedRotationCount));
        var shifted = Sum(Product(rows, w.RotationCount, Double), Product(rows, w.Qubits, Double));
        var execution = w.Backend == BackendKind.Native
            ? Product(Math.Min(w.Workers, rows), StateBytes(w.Qubits))
            : Sum(Product(Math.Min(rows, QsharpCircuitsPerRequest), w.RotationCount, RequestBytesPerDouble),
                Product(1L << w.Qubits, DumpBytesPerAmplitude));
        return Sum(jacobian, inputs, shifted, execution);
    }

    /// <summary>
    /// The most samples one layer call may take within <paramref name="budgetBytes"/> (at most the batch; 0 when not even one fits).
    /// </summary>
    public static int CircuitsPerCall(QuantumWorkload w, long budgetBytes)
    {
        if (LayerCall(w, 1) > budgetBytes)
        {
            return 0;
        }

        var (low, high) = (1, Math.Max(1, w.BatchSize));
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            (low, high) = LayerCall(w, middle) <= budgetBytes ? (middle, high) : (low, middle - 1);
        }

        return low;
    }

    /// <summary>
    /// Circuits the agreement check runs on <paramref name="qubits"/> qubits: <paramref name="requested"/>, fewer for large registers.
    /// </summary>
    public static int AgreementCircuitsFor(int qubits, int requested) =>
        (int)Math.Clamp(AgreementAmplitudes >> Math.Min(qubits, 62), 1, Math.Max(1, requested));

    /// <summary>Amplitudes of one n-qubit state, or of a lane batch for small registers.</summary>
    public static long StateBytes(int qubits) => Math.Max(Product(1L << Math.Min(qubits, 62), Complex), 128L << 10);

    public override string ToString() =>
        $"peak {MemoryBudget.Format(PeakBytes)} (lift {MemoryBudget.Format(LiftBytes)}, " +
        $"agreement check {MemoryBudget.Format(AgreementCheckBytes)}, " +
        $"layer call {MemoryBudget.Format(LayerCallBytes)}, tape {MemoryBudget.Format(TapeBytes)}, model {MemoryBudget.Format(ModelBytes)})";

    // Sizes of impossible configurations overflow a long; they saturate at long.MaxValue (8 EB), which no budget reaches.
    private static long Product(params long[] factors)
    {
        var product = (Int128)1;
        foreach (var factor in factors)
        {
            product *= factor;
            if (product > long.MaxValue)
            {
                return long.MaxValue;
            }
        }

        return (long)product;
    }

    /// <summary>A sum of byte counts that saturates at long.MaxValue.</summary>
    public static long Sum(params long[] terms)
    {
        var sum = (Int128)0;
        foreach (var term in terms)
        {
            sum += term;
        }

        return sum > long.MaxValue ? long.MaxValue : (long)sum;
    }
}
