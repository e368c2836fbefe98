using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// Four circuits of a <see cref="FusedProgram"/> side by side (one per SIMD lane): block matrices
/// from each circuit's angles, the forward run stage by stage (chunked stages chunk by chunk),
/// expectations, and the adjoint sweep, which passes over ψ and the λs once per block and reads
/// every gate's derivative off the block's cross matrix: dE/dθ_j = Im Tr(B L_j† P_j L_j C), with
/// L_j the product of the block's gates up to and including j and P_j that gate's generator.
/// </summary>
internal static class FusedSimulation
{
    /// <summary>
    /// Builds every block's matrix (and adjoint) for lanes 0 … count − 1 from circuits first, first + 1, … of <paramref name="angles"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BuildMatrices(FusedProgram program, FusedScratch scratch, ReadOnlySpan<double> angles, int first, int count, bool adjoints)
    {
        var lanes = FusedScratch.Lanes;
        var angleCount = program.AngleCount;
        Array.Clear(scratch.LaneAngles);
        for (var l = 0; l < count; l++)
        {
            angles.Slice((first + l) * angleCount, angleCount).CopyTo(scratch.LaneAngles.AsSpan(l * angleCount));
        }

        for (var b = 0; b < program.Blocks.Length; b++)
        {
            var block = program.Blocks[b];
            var work = scratch.Work[block.Qubits];
            var (re, im) = scratch.Coefficients[b];
            var (adjointRe, adjointIm) = scratch.AdjointCoefficients[b];
            var d = 1 << block.Qubits;
            for (var l = 0; l < lanes; l++)
            {
                var m = scratch.Matrices[b][l];
                if (block.Constant is null)
                {
                    m.SetIdentity();
                    foreach (var action in block.Actions)
                    {
                        var angle = action.AngleIndex >= 0 ? scratch.LaneAngles[(l * angleCount) + action.AngleIndex] : 0;
                        action.LeftMultiply(m, angle, work);
                    }

                    if (adjoints)
                    {
                        scratch.Adjoints[b][l].AdjointOf(m);
                    }
                }

                for (var e = 0; e < d * d; e++)
                {
                    re[(e * lanes) + l] = m.Re[e];
                    im[(e * lanes) + l] = m.Im[e];
                    if (adjoints)
                    {
                        adjointRe[(e * lanes) + l] = scratch.Adjoints[b][l].Re[e];
                        adjointIm[(e * lanes) + l] = scratch.Adjoints[b][l].Im[e];
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(FusedProgram program, FusedScratch scratch)
    {
        var psi = scratch.Psi;
        psi.SetZero();
        foreach (var stage in program.Stages)
        {
            var chunk = stage.Chunked ? 1 << FusedProgram.ChunkBits : psi.Dimension;
            for (var start = 0; start < psi.Dimension; start += chunk)
            {
                var re = psi.Re.AsSpan(start * psi.Lanes, chunk * psi.Lanes);
                var im = psi.Im.AsSpan(start * psi.Lanes, chunk * psi.Lanes);
                for (var b = stage.Start; b < stage.End; b++)
                {
                    Apply(program.Blocks[b], program.Blocks[b].Monomial, scratch.Coefficients[b], re, im);
                }
            }
        }
    }

    /// <summary>
    /// Expectations of the program's observables for the first <paramref name="count"/> lanes into <paramref name="output"/> (count × outputs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Expectations(FusedProgram program, StateBatch psi, int count, Span<double> output)
    {
        if (program.ZOnEach)
        {
            FusedKernels.ExpectationsZ(psi, count, output);
            return;
        }

        for (var o = 0; o < program.Observables.Count; o++)
        {
            FusedKernels.Expectation(psi, program.Observables[o], count, output, program.Observables.Count, o);
        }
    }

    /// <summary>
    /// λ_o = O_o|ψ⟩ for a Jacobian (<paramref name="outputGradients"/> empty), or one λ = Σ_o g_o O_o|ψ⟩
    /// with g from circuits first … first + count − 1 of <paramref name="outputGradients"/> (circuits × outputs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InitialiseLambdas(FusedProgram program, FusedScratch scratch, ReadOnlySpan<double> outputGradients, int first, int count)
    {
        var psi = scratch.Psi;
        var outputs = program.Observables.Count;
        if (outputGradients.IsEmpty)
        {
            for (var o = 0; o < outputs; o++)
            {
                Array.Clear(scratch.Lambda[o].Re);
                Array.Clear(scratch.Lambda[o].Im);
                FusedKernels.AddPauliTimes(psi, program.Observables[o], Vector256<double>.One, scratch.Lambda[o]);
            }

            return;
        }

        var lanes = FusedScratch.Lanes;
        var weights = scratch.Weights;
        Array.Clear(weights);
        for (var l = 0; l < count; l++)
        {
            for (var o = 0; o < outputs; o++)
            {
                weights[(o * lanes) + l] = outputGradients[((first + l) * outputs) + o];
            }
        }

        var lambda = scratch.Lambda[0];
        if (program.ZOnEach)
        {
            FusedKernels.ZWeighted(psi, weights, lambda);
            return;
        }

        Array.Clear(lambda.Re);
        Array.Clear(lambda.Im);
        var g = MemoryMarshal.Cast<double, Vector256<double>>(weights.AsSpan());
        for (var o = 0; o < outputs; o++)
        {
            FusedKernels.AddPauliTimes(psi, program.Observables[o], g[o], lambda);
        }
    }

    /// <summary>
    /// The adjoint sweep from the last block to the first; adds dE/dθ of every differentiable gate
    /// for lane l and λ m to <paramref name="gradients"/>[(l * lambdas + m) * angles + angle].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(FusedProgram program, FusedScratch scratch, int lambdas, Span<double> gradients)
    {
        var psi = scratch.Psi;
        var lanes = psi.Lanes;
        for (var s = program.Stages.Length - 1; s >= 0; s--)
        {
            var stage = program.Stages[s];
            for (var b = stage.Start; b < stage.End; b++)
            {
                Array.Clear(scratch.Cross[b]);
            }

            var chunk = stage.Chunked ? 1 << FusedProgram.ChunkBits : psi.Dimension;
            for (var start = 0; start < psi.Dimension; start += chunk)
            {
                for (var b = stage.End - 1; b >= stage.Start; b--)
                {
                    var block = program.Blocks[b];
                    if (block.HasDifferentiable)
                    {
                        var (re, im) = scratch.AdjointCoefficients[b];
                        FusedKernels.UnapplyAccumulating(block, re, im, psi, scratch.Lambda, lambdas, start, chunk, scratch.Cross[b]);
                        continue;
                    }

                    Apply(block, block.MonomialInverse, scratch.AdjointCoefficients[b], psi.Re.AsSpan(start * lanes, chunk * lanes),
                        psi.Im.AsSpan(start * lanes, chunk * lanes));
                    for (var m = 0; m < lambdas; m++)
                    {
                        var lambda = scratch.Lambda[m];
                        Apply(block, block.MonomialInverse, scratch.AdjointCoefficients[b], lambda.Re.AsSpan(start * lanes, chunk * lanes),
                            lambda.Im.AsSpan(start * lanes, chunk * lanes));
                    }
                }
            }

            for (var b = stage.Start; b < stage.End; b++)
            {
                if (program.Blocks[b].HasDifferentiable)
                {
                    Derivatives(program, scratch, b, lambdas, gradients);
                }
            }
        }
    }

    private static void Apply(FusedBlock block, Monomial? monomial, (double[] Re, double[] Im) coefficients, Span<double> re, Span<double> im)
    {
        if (monomial is not null)
        {
            FusedKernels.ApplyMonomial(block, monomial, re, im);
        }
        else
        {
            FusedKernels.ApplyDense(block, coefficients.Re, coefficients.Im, re, im);
        }
    }

    // dE/dθ_j = Im⟨λ_out| R_j P_j L_j |ψ_in⟩ = Im Tr(B L_j† P_j L_j C), since R_j = B L_j†; per lane, with that lane's matrices.
    private static void Derivatives(FusedProgram program, FusedScratch scratch, int b, int lambdas, Span<double> gradients)
    {
        var block = program.Blocks[b];
        var q = block.Qubits;
        var (prefix, generated, work, product) = (scratch.Prefix[q], scratch.Generated[q], scratch.Work[q], scratch.Product[q]);
        var lanes = FusedScratch.Lanes;
        var dd = 1 << (2 * q);
        var cross = scratch.Cross[b];
        Span<double> cRe = stackalloc double[dd];
        Span<double> cIm = stackalloc double[dd];
        var angles = scratch.LaneAngles;
        for (var l = 0; l < lanes; l++)
        {
            prefix.SetIdentity();
            for (var j = 0; j < block.Actions.Length; j++)
            {
                var action = block.Actions[j];
                action.LeftMultiply(prefix, action.AngleIndex >= 0 ? angles[(l * program.AngleCount) + action.AngleIndex] : 0, work);
                if (!block.Differentiable[j])
                {
                    continue;
                }

                generated.CopyFrom(prefix);
                action.LeftMultiplyGenerator(generated, work);
                work.AdjointOf(prefix);
                product.Multiply(work, generated);
                work.Multiply(scratch.Matrices[b][l], product);
                for (var m = 0; m < lambdas; m++)
                {
                    for (var e = 0; e < dd; e++)
                    {
                        cRe[e] = cross[(((2 * dd * m) + e) * lanes) + l];
                        cIm[e] = cross[(((2 * dd * m) + dd + e) * lanes) + l];
                    }

                    gradients[(((l * lambdas) + m) * program.AngleCount) + action.AngleIndex] += work.ImaginaryTraceWith(cRe, cIm);
                }
            }
        }
    }
}
