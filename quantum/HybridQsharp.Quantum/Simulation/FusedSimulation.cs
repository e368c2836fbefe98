namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// One circuit of a <see cref="FusedProgram"/> on one state: block matrices from the circuit's
/// angles, the forward run stage by stage (chunked stages chunk by chunk), expectations, and
/// the adjoint sweep, which passes over ψ and the λs once per block and reads every gate's
/// derivative off the block's cross matrix: dE/dθ_j = Im Tr(B L_j† P_j L_j C), with L_j the
/// product of the block's gates up to and including j and P_j that gate's generator.
/// </summary>
internal static class FusedSimulation
{
    public static void BuildMatrices(FusedProgram program, FusedScratch scratch, ReadOnlySpan<double> angles, bool adjoints)
    {
        for (var b = 0; b < program.Blocks.Length; b++)
        {
            var block = program.Blocks[b];
            if (block.Constant is not null)
            {
                continue;
            }

            var m = scratch.Matrices[b];
            m.SetIdentity();
            foreach (var gate in block.LocalGates)
            {
                m.LeftMultiply(gate, gate.AngleIndex >= 0 ? angles[gate.AngleIndex] : 0);
            }

            if (adjoints)
            {
                scratch.Adjoints[b].AdjointOf(m);
            }
        }
    }

    public static void Forward(FusedProgram program, FusedScratch scratch)
    {
        var psi = scratch.Psi;
        psi.SetZero();
        var dimension = psi.Dimension;
        foreach (var stage in program.Stages)
        {
            var chunk = stage.Chunked ? 1 << FusedProgram.ChunkBits : dimension;
            for (var start = 0; start < dimension; start += chunk)
            {
                var re = psi.Re.AsSpan(start, chunk);
                var im = psi.Im.AsSpan(start, chunk);
                for (var b = stage.Start; b < stage.End; b++)
                {
                    var block = program.Blocks[b];
                    if (block.Monomial is { } monomial)
                    {
                        FusedKernels.ApplyMonomial(block, monomial, re, im);
                    }
                    else
                    {
                        FusedKernels.ApplyDense(block, scratch.Matrices[b], re, im);
                    }
                }
            }
        }
    }

    public static void Expectations(FusedProgram program, StateVector psi, Span<double> output)
    {
        if (program.ZOnEach)
        {
            FusedKernels.ExpectationsZ(psi, output);
            return;
        }

        for (var o = 0; o < program.Observables.Count; o++)
        {
            output[o] = psi.Expectation(program.Observables[o]);
        }
    }

    /// <summary>λ_o = O_o|ψ⟩ for a Jacobian (<paramref name="outputGradients"/> empty), or λ = Σ_o g_o O_o|ψ⟩.</summary>
    public static void InitialiseLambdas(FusedProgram program, FusedScratch scratch, ReadOnlySpan<double> outputGradients)
    {
        var psi = scratch.Psi;
        if (outputGradients.IsEmpty)
        {
            for (var o = 0; o < program.Observables.Count; o++)
            {
                psi.ApplyPauliInto(program.Observables[o], scratch.Lambda[o]);
            }

            return;
        }

        var lambda = scratch.Lambda[0];
        if (program.ZOnEach)
        {
            ZWeighted(psi, outputGradients, lambda);
            return;
        }

        Array.Clear(lambda.Re);
        Array.Clear(lambda.Im);
        for (var o = 0; o < program.Observables.Count; o++)
        {
            var pauli = program.Observables[o];
            var g = outputGradients[o];
            for (var i = 0; i < psi.Dimension; i++)
            {
                var (fr, fi) = pauli.FactorAt(i);
                var j = i ^ pauli.FlipMask;
                lambda.Re[j] += g * ((fr * psi.Re[i]) - (fi * psi.Im[i]));
                lambda.Im[j] += g * ((fr * psi.Im[i]) + (fi * psi.Re[i]));
            }
        }
    }

    /// <summary>
    /// The adjoint sweep from the last block to the first; adds dE/dθ of every differentiable
    /// gate to <paramref name="gradients"/> (λ count × angle count).
    /// </summary>
    public static void Backward(FusedProgram program, FusedScratch scratch, ReadOnlySpan<double> angles, int lambdas, Span<double> gradients)
    {
        var psi = scratch.Psi;
        var dimension = psi.Dimension;
        var active = scratch.Lambda.AsSpan(0, lambdas).ToArray();
        for (var s = program.Stages.Length - 1; s >= 0; s--)
        {
            var stage = program.Stages[s];
            for (var b = stage.Start; b < stage.End; b++)
            {
                Array.Clear(scratch.Cross[b]);
            }

            var chunk = stage.Chunked ? 1 << FusedProgram.ChunkBits : dimension;
            for (var start = 0; start < dimension; start += chunk)
            {
                for (var b = stage.End - 1; b >= stage.Start; b--)
                {
                    var block = program.Blocks[b];
                    if (block.HasDifferentiable)
                    {
                        FusedKernels.UnapplyAccumulating(block, scratch.Adjoints[b], psi, active, start, chunk, scratch.Cross[b]);
                        continue;
                    }

                    Unapply(block, scratch.Adjoints[b], psi, start, chunk);
                    foreach (var lambda in active)
                    {
                        Unapply(block, scratch.Adjoints[b], lambda, start, chunk);
                    }
                }
            }

            for (var b = stage.Start; b < stage.End; b++)
            {
                if (program.Blocks[b].HasDifferentiable)
                {
                    Derivatives(program, scratch, b, angles, lambdas, gradients);
                }
            }
        }
    }

    private static void Unapply(FusedBlock block, SmallMatrix adjoint, StateVector state, int start, int length)
    {
        var re = state.Re.AsSpan(start, length);
        var im = state.Im.AsSpan(start, length);
        if (block.MonomialInverse is { } inverse)
        {
            FusedKernels.ApplyMonomial(block, inverse, re, im);
        }
        else
        {
            FusedKernels.ApplyDense(block, adjoint, re, im);
        }
    }

    // dE/dθ_j = Im⟨λ_out| R_j P_j L_j |ψ_in⟩ = Im Tr(B L_j† P_j L_j C), since R_j = B L_j†.
    private static void Derivatives(FusedProgram program, FusedScratch scratch, int b, ReadOnlySpan<double> angles, int lambdas, Span<double> gradients)
    {
        var block = program.Blocks[b];
        var q = block.Qubits;
        var prefix = scratch.Prefix[q];
        var generated = scratch.Generated[q];
        var work = scratch.Work[q];
        var product = scratch.Product[q];
        var cross = scratch.Cross[b];
        var dd = 1 << (2 * q);
        prefix.SetIdentity();
        for (var j = 0; j < block.LocalGates.Length; j++)
        {
            var gate = block.LocalGates[j];
            prefix.LeftMultiply(gate, gate.AngleIndex >= 0 ? angles[gate.AngleIndex] : 0);
            if (!block.Differentiable[j])
            {
                continue;
            }

            generated.CopyFrom(prefix);
            generated.LeftMultiply(gate, 0, generator: true);
            work.AdjointOf(prefix);
            product.Multiply(work, generated);
            work.Multiply(scratch.Matrices[b], product);
            for (var m = 0; m < lambdas; m++)
            {
                var c = cross.AsSpan(2 * dd * m, 2 * dd);
                gradients[(m * program.AngleCount) + gate.AngleIndex] += work.ImaginaryTraceWith(c[..dd], c[dd..]);
            }
        }
    }

    // λ[i] = (Σ_q g_q · (±1 as qubit q's bit is 0 or 1)) ψ[i], the weight split into a table for the low
    // eight bits and one for the rest.
    private static void ZWeighted(StateVector psi, ReadOnlySpan<double> g, StateVector lambda)
    {
        var n = psi.Qubits;
        var lowBits = Math.Min(n, 8);
        var total = 0.0;
        var byBit = new double[n];
        for (var q = 0; q < n; q++)
        {
            total += g[q];
            byBit[psi.BitOf(q)] = g[q];
        }

        var low = new double[1 << lowBits];
        var high = new double[1 << (n - lowBits)];
        for (var x = 0; x < low.Length; x++)
        {
            for (var b = 0; b < lowBits; b++)
            {
                low[x] += ((x >> b) & 1) * byBit[b];
            }
        }

        for (var x = 0; x < high.Length; x++)
        {
            for (var b = lowBits; b < n; b++)
            {
                high[x] += ((x >> (b - lowBits)) & 1) * byBit[b];
            }
        }

        var mask = low.Length - 1;
        for (var i = 0; i < psi.Dimension; i++)
        {
            var w = total - (2 * (low[i & mask] + high[i >> lowBits]));
            lambda.Re[i] = w * psi.Re[i];
            lambda.Im[i] = w * psi.Im[i];
        }
    }
}
