using System.Buffers;
using HybridQsharp.Quantum.Backends;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Gradients;

/// <summary>
/// The two-term parameter-shift rule: every rotation exp(-iθP/2) has
/// dE/dθ = [E(θ + π/2) - E(θ - π/2)] / 2 exactly, using only circuit evaluations, so it works
/// on any backend including hardware. Per circuit: one forward row plus two shifted rows per
/// rotation that depends on a parameter, all sent to the backend in a single call. A state-vector backend evaluates them
/// with shared prefixes (a shifted circuit equals the unshifted one up to its shifted gate); others get every row.
/// </summary>
public sealed class ParameterShift : IGradientMethod
{
    private const double Shift = Math.PI / 2;

    /// <summary>The method holds no state; one instance serves every tape and backend.</summary>
    public static ParameterShift Instance { get; } = new();

    public string Name => "parameter-shift";

    public bool PrefersVectorJacobianProduct => false;

    public bool Supports(IQuantumBackend backend) => true;

    public async ValueTask<TapeJacobian> JacobianAsync(CircuitTape tape, IQuantumBackend backend, ReadOnlyMemory<double> parameters, int circuits,
        CancellationToken cancellationToken = default)
    {
        var shifted = Enumerable.Range(0, tape.AngleCount).Where(g => !tape.Angles[g].IsConstant).ToArray();
        var rowsPerCircuit = 1 + (2 * shifted.Length);
        var baseAngles = tape.EvaluateAngles(parameters.Span, circuits);

        if (backend is not IStateVectorBackend stateVector || !stateVector.SharesShiftedPrefixes(tape))
        {
            var rows = await ShiftedRowsAsync(tape, backend, baseAngles, shifted, circuits, rowsPerCircuit, cancellationToken);
            return Assemble(tape, rows, shifted, circuits, rowsPerCircuit);
        }

        // Rented for the same reason as the rows below: 96 KB per training batch of the paper's tape.
        var length = circuits * rowsPerCircuit * tape.OutputCount;
        var expectations = ArrayPool<double>.Shared.Rent(length);
        try
        {
            await stateVector.ShiftedExpectationsAsync(tape, baseAngles, circuits, shifted, Shift, expectations.AsMemory(0, length),
                cancellationToken);
            return Assemble(tape, expectations, shifted, circuits, rowsPerCircuit);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(expectations);
        }
    }

    // Values are row (c, 0); dE/dθ for shifted angle s is half the difference of rows (c, 1 + 2s) and (c, 2 + 2s), taken through
    // the affine angles to the parameters.
    private static TapeJacobian Assemble(CircuitTape tape, ReadOnlySpan<double> expectations, int[] shifted, int circuits, int rowsPerCircuit)
    {
        var outputs = tape.OutputCount;
        var values = new double[circuits * outputs];
        var jacobian = new double[circuits * outputs * tape.ParameterCount];
        var angleGradient = new double[tape.AngleCount];
        for (var c = 0; c < circuits; c++)
        {
            var first = c * rowsPerCircuit * outputs;
            expectations.Slice(first, outputs).CopyTo(values.AsSpan(c * outputs, outputs));
            for (var o = 0; o < outputs; o++)
            {
                Array.Clear(angleGradient);
                for (var s = 0; s < shifted.Length; s++)
                {
                    var plus = expectations[first + ((1 + (2 * s)) * outputs) + o];
                    var minus = expectations[first + ((2 + (2 * s)) * outputs) + o];
                    angleGradient[shifted[s]] = (plus - minus) / 2;
                }

                AffineChainRule.Accumulate(tape, angleGradient, jacobian.AsSpan(((c * outputs) + o) * tape.ParameterCount, tape.ParameterCount));
            }
        }

        return new TapeJacobian(circuits, outputs, tape.ParameterCount, values, jacobian);
    }

    // Every shifted circuit as a row of its own, for backends that cannot branch states (Q#, hardware, large registers).
    private static async ValueTask<double[]> ShiftedRowsAsync(CircuitTape tape, IQuantumBackend backend, double[] baseAngles, int[] shifted,
        int circuits, int rowsPerCircuit, CancellationToken cancellationToken)
    {
        // Rented, not allocated: on the paper's tape a batch of 64 needs 1 MB of rows every training step, which as a
        // fresh large-object-heap array each time was zeroed and, after the GC gave its pages back, faulted in again.
        var angleCount = tape.AngleCount;
        var length = circuits * rowsPerCircuit * angleCount;
        var rows = ArrayPool<double>.Shared.Rent(length);
        try
        {
            FillRows(rows, baseAngles, shifted, circuits, rowsPerCircuit, angleCount);
            return await backend.ExpectationsAsync(tape, rows.AsMemory(0, length), circuits * rowsPerCircuit, cancellationToken);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rows);
        }
    }

    // Row (c, 0) is circuit c's angles; rows (c, 1 + 2s) and (c, 2 + 2s) shift angle shifted[s] by +π/2 and -π/2.
    private static void FillRows(double[] rows, double[] baseAngles, int[] shifted, int circuits, int rowsPerCircuit, int angleCount)
    {
        for (var c = 0; c < circuits; c++)
        {
            var source = baseAngles.AsSpan(c * angleCount, angleCount);
            for (var r = 0; r < rowsPerCircuit; r++)
            {
                source.CopyTo(rows.AsSpan(((c * rowsPerCircuit) + r) * angleCount, angleCount));
            }

            for (var s = 0; s < shifted.Length; s++)
            {
                rows[(((c * rowsPerCircuit) + 1 + (2 * s)) * angleCount) + shifted[s]] += Shift;
                rows[(((c * rowsPerCircuit) + 2 + (2 * s)) * angleCount) + shifted[s]] -= Shift;
            }
        }
    }

    /// <summary>The Jacobian contracted with the output gradients: shifted circuits cannot be shared between outputs.</summary>
    public async ValueTask<TapeVectorJacobianProduct> VectorJacobianProductAsync(CircuitTape tape, IQuantumBackend backend,
        ReadOnlyMemory<double> parameters,
        ReadOnlyMemory<double> outputGradients, int circuits, CancellationToken cancellationToken = default)
    {
        var jacobian = await JacobianAsync(tape, backend, parameters, circuits, cancellationToken);
        return jacobian.Contract(outputGradients.Span);
    }
}
