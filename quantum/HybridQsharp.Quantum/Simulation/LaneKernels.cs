using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// Runs a <see cref="LaneProgram"/> on a lane batch: the forward pass, expectations of the
/// program's observables, and the adjoint backward sweep (Jones and Gacon, arXiv:2009.02823)
/// that un-applies each step to ψ and to every λ while reading off Im⟨λ|P|ψ⟩ for rotations.
/// Every loop runs over whole SIMD vectors of lanes; rows come from the compiled pair lists.
/// </summary>
internal static class LaneKernels
{
    /// <summary>
    /// Fills the per-lane cos/sin tables of every angle for circuits first … first + Lanes - 1 (lanes past <paramref name="circuits"/> get angle 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LoadAngles(LaneProgram program, LaneScratch scratch, ReadOnlySpan<double> angles, int first, int circuits)
    {
        var lanes = scratch.Lanes;
        var count = Math.Min(lanes, circuits - first);
        var angleCount = program.AngleCount;
        var half = scratch.Sin;
        Array.Clear(half);
        for (var l = 0; l < count; l++)
        {
            var row = angles.Slice((first + l) * angleCount, angleCount);
            for (var g = 0; g < angleCount; g++)
            {
                half[(g * lanes) + l] = row[g] / 2;
            }
        }

        // Vectorised sine and cosine: per-lane scalar trig would cost more than the gates.
        var s = MemoryMarshal.Cast<double, Vector<double>>(half.AsSpan());
        var c = MemoryMarshal.Cast<double, Vector<double>>(scratch.Cos.AsSpan());
        for (var k = 0; k < s.Length; k++)
        {
            (s[k], c[k]) = VectorSinCos.SinCos(s[k]);
        }
    }

    /// <summary>Runs every step on <see cref="LaneScratch.Psi"/> from |0…0⟩.</summary>
    public static void Forward(LaneProgram program, LaneScratch scratch)
    {
        scratch.Psi.SetZero();
        Run(program, scratch, scratch.Psi, 0, program.Ops.Length);
    }

    /// <summary>
    /// Applies steps <paramref name="from"/> … <paramref name="to"/> - 1 to <paramref name="state"/>, at the angles in the scratch's tables.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(LaneProgram program, LaneScratch scratch, StateBatch state, int from, int to)
    {
        var re = Vectors(state.Re);
        var im = Vectors(state.Im);
        var v = scratch.Lanes / Vector<double>.Count;
        var ops = program.Ops;
        for (var index = from; index < to; index++)
        {
            var op = ops[index];
            if (op.Kind == LaneOpKind.Fixed)
            {
                ApplyFixed(op.Rows, op.Matrix, re, im, v, op.RealState);
                continue;
            }

            var cos = Vectors(scratch.Cos).Slice(op.AngleIndex * v, v);
            var sin = Vectors(scratch.Sin).Slice(op.AngleIndex * v, v);
            switch (op.Kind)
            {
                case LaneOpKind.Ry when op.RealState:
                    RotateYReal(op.Rows, cos, sin, re, v);
                    break;
                case LaneOpKind.Rx or LaneOpKind.Ry or LaneOpKind.Rz:
                    Rotate(op.Kind, op.Rows, cos, sin, re, im, v, inverse: false);
                    break;
                default:
                    RotateTwo(op.Kind, op.Rows, cos, sin, re, im, v, inverse: false);
                    break;
            }
        }
    }

    /// <summary>
    /// Parameter-shift expectations of the lanes' circuits, in <see cref="ShiftPlan"/>'s row order: row 0 unshifted, rows
    /// 1 + 2s and 2 + 2s with angle s of the plan moved by +shift and -shift; <paramref name="output"/> is
    /// count × plan.RowsPerCircuit × outputs. A shifted circuit equals the unshifted one up to the first step that reads the
    /// shifted angle, so the unshifted run is advanced once, step by step, and each shifted circuit branches off it there:
    /// on the paper's tape about half the steps of evaluating every shifted circuit from |0…0⟩. The angle tables hold
    /// exactly what <see cref="LoadAngles"/> would for a shifted row, so the values equal that evaluation's bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ShiftedExpectations(LaneProgram program, LaneScratch scratch, ShiftPlan plan, ReadOnlySpan<double> angles, int first,
        int circuits, Span<double> output)
    {
        var lanes = scratch.Lanes;
        var count = Math.Min(lanes, circuits - first);
        var outputs = program.Observables.Count;
        var stride = plan.RowsPerCircuit * outputs;
        LoadAngles(program, scratch, angles, first, circuits);
        LoadShiftedAngles(program, scratch, plan, angles, first, count);

        var unshifted = scratch.Psi;
        var branch = scratch.Branch!;
        unshifted.SetZero();
        for (var step = 0; step <= program.Ops.Length; step++)
        {
            foreach (var s in plan.BranchingAt(step))
            {
                for (var direction = 0; direction < 2; direction++)
                {
                    var row = 1 + (2 * s) + direction;
                    if (step == program.Ops.Length)
                    {
                        // No step reads the angle: shifting it changes nothing.
                        Expectations(program, scratch, unshifted, count, output[(row * outputs)..], stride);
                        continue;
                    }

                    unshifted.Re.AsSpan().CopyTo(branch.Re);
                    unshifted.Im.AsSpan().CopyTo(branch.Im);
                    var table = plan.Angles[s] * lanes;
                    scratch.Cos.AsSpan(table, lanes).CopyTo(scratch.SavedCos);
                    scratch.Sin.AsSpan(table, lanes).CopyTo(scratch.SavedSin);
                    scratch.ShiftedCos.AsSpan(((2 * s) + direction) * lanes, lanes).CopyTo(scratch.Cos.AsSpan(table, lanes));
                    scratch.ShiftedSin.AsSpan(((2 * s) + direction) * lanes, lanes).CopyTo(scratch.Sin.AsSpan(table, lanes));
                    Run(program, scratch, branch, step, program.Ops.Length);
                    scratch.SavedCos.CopyTo(scratch.Cos.AsSpan(table, lanes));
                    scratch.SavedSin.CopyTo(scratch.Sin.AsSpan(table, lanes));
                    Expectations(program, scratch, branch, count, output[(row * outputs)..], stride);
                }
            }

            if (step < program.Ops.Length)
            {
                Run(program, scratch, unshifted, step, step + 1);
            }
        }

        Expectations(program, scratch, unshifted, count, output, stride);
    }

    // cos and sin of (θ ± shift)/2 per lane for every shifted angle, computed as LoadAngles computes them for a row whose
    // angle was moved by ± shift, so the branches see the same bits as evaluating that row.
    private static void LoadShiftedAngles(LaneProgram program, LaneScratch scratch, ShiftPlan plan, ReadOnlySpan<double> angles, int first, int count)
    {
        var lanes = scratch.Lanes;
        var angleCount = program.AngleCount;
        var half = scratch.ShiftedSin;
        Array.Clear(half);
        for (var s = 0; s < plan.Angles.Length; s++)
        {
            var g = plan.Angles[s];
            for (var l = 0; l < count; l++)
            {
                var angle = angles[((first + l) * angleCount) + g];
                half[(2 * s * lanes) + l] = (angle + plan.Shift) / 2;
                half[(((2 * s) + 1) * lanes) + l] = (angle - plan.Shift) / 2;
            }
        }

        var sin = MemoryMarshal.Cast<double, Vector<double>>(half.AsSpan());
        var cos = MemoryMarshal.Cast<double, Vector<double>>(scratch.ShiftedCos.AsSpan());
        for (var k = 0; k < sin.Length; k++)
        {
            (sin[k], cos[k]) = VectorSinCos.SinCos(sin[k]);
        }
    }

    /// <summary>
    /// Expectations of every observable for the first <paramref name="count"/> lanes into <paramref name="output"/> (count × outputs).
    /// </summary>
    public static void Expectations(LaneProgram program, LaneScratch scratch, int count, Span<double> output) =>
        Expectations(program, scratch, scratch.Psi, count, output, program.Observables.Count);

    /// <summary>
    /// Expectations of every observable in <paramref name="state"/> for the first <paramref name="count"/> lanes: lane l's
    /// outputs from output[l * <paramref name="laneStride"/>] on.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Expectations(LaneProgram program, LaneScratch scratch, StateBatch state, int count, Span<double> output, int laneStride)
    {
        var lanes = scratch.Lanes;
        var v = lanes / Vector<double>.Count;
        var outputs = program.Observables.Count;
        var re = Vectors(state.Re);
        var im = Vectors(state.Im);
        Span<Vector<double>> sums = stackalloc Vector<double>[v];
        if (program.AllDiagonal)
        {
            var probabilities = Vectors(scratch.Probabilities);
            for (var k = 0; k < probabilities.Length; k++)
            {
                probabilities[k] = (re[k] * re[k]) + (im[k] * im[k]);
            }

            for (var o = 0; o < outputs; o++)
            {
                sums.Clear();
                var signs = program.RowSigns.AsSpan(o * program.Dimension, program.Dimension);
                for (var r = 0; r < program.Dimension; r++)
                {
                    var sign = new Vector<double>(signs[r]);
                    var row = probabilities.Slice(r * v, v);
                    for (var k = 0; k < v; k++)
                    {
                        sums[k] += sign * row[k];
                    }
                }

                Scatter(sums, count, output, laneStride, o);
            }

            return;
        }

        Span<Vector<double>> sumsIm = stackalloc Vector<double>[v];
        for (var o = 0; o < outputs; o++)
        {
            var pauli = program.Observables[o];
            sums.Clear();
            sumsIm.Clear();
            for (var i = 0; i < program.Dimension; i++)
            {
                var sign = new Vector<double>(pauli.SignAt(i));
                int ri = program.RowOf[i] * v, rj = program.RowOf[i ^ pauli.FlipMask] * v;
                for (var k = 0; k < v; k++)
                {
                    Vector<double> xr = re[ri + k], xi = im[ri + k], yr = re[rj + k], yi = im[rj + k];
                    sums[k] += sign * ((yr * xr) + (yi * xi));
                    sumsIm[k] += sign * ((yr * xi) - (yi * xr));
                }
            }

            // ⟨P⟩ = Re(i^y · Σ sign conj(ψ[i ⊕ f]) ψ[i])
            for (var k = 0; k < v; k++)
            {
                sums[k] = (pauli.YCount & 3) switch
                {
                    0 => sums[k],
                    1 => -sumsIm[k],
                    2 => -sums[k],
                    _ => sumsIm[k],
                };
            }

            Scatter(sums, count, output, laneStride, o);
        }
    }

    /// <summary>
    /// Sets up the adjoint states from the forward state: λ_o = O_o|ψ⟩ for a Jacobian
    /// (<paramref name="outputGradients"/> empty), or one λ = Σ_o g_o O_o|ψ⟩ for a vector-Jacobian
    /// product, g being circuits × outputs from circuit <paramref name="first"/> on.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InitialiseLambdas(LaneProgram program, LaneScratch scratch, ReadOnlySpan<double> outputGradients, int first, int count)
    {
        var lanes = scratch.Lanes;
        var v = lanes / Vector<double>.Count;
        var outputs = program.Observables.Count;
        var psiRe = Vectors(scratch.Psi.Re);
        var psiIm = Vectors(scratch.Psi.Im);
        if (outputGradients.IsEmpty)
        {
            for (var o = 0; o < outputs; o++)
            {
                var lambda = scratch.Lambda[o];
                Array.Clear(lambda.Re);
                Array.Clear(lambda.Im);
                AddPauliTimes(program, program.Observables[o], null, psiRe, psiIm, Vectors(lambda.Re), Vectors(lambda.Im), v);
            }

            return;
        }

        // g per observable and lane.
        var weights = scratch.Weights;
        Array.Clear(weights);
        for (var l = 0; l < count; l++)
        {
            for (var o = 0; o < outputs; o++)
            {
                weights[(o * lanes) + l] = outputGradients[((first + l) * outputs) + o];
            }
        }

        var target = scratch.Lambda[0];
        var lambdaRe = Vectors(target.Re);
        var lambdaIm = Vectors(target.Im);
        if (program.AllDiagonal)
        {
            // Diagonal observables: λ[r] = (Σ_o g_o sign_o(r)) ψ[r], one pass.
            var g = Vectors(weights);
            Span<Vector<double>> factor = stackalloc Vector<double>[v];
            for (var r = 0; r < program.Dimension; r++)
            {
                factor.Clear();
                for (var o = 0; o < outputs; o++)
                {
                    var sign = new Vector<double>(program.RowSigns[(o * program.Dimension) + r]);
                    for (var k = 0; k < v; k++)
                    {
                        factor[k] += sign * g[(o * v) + k];
                    }
                }

                for (var k = 0; k < v; k++)
                {
                    lambdaRe[(r * v) + k] = factor[k] * psiRe[(r * v) + k];
                    lambdaIm[(r * v) + k] = factor[k] * psiIm[(r * v) + k];
                }
            }

            return;
        }

        Array.Clear(target.Re);
        Array.Clear(target.Im);
        for (var o = 0; o < outputs; o++)
        {
            AddPauliTimes(program, program.Observables[o], Vectors(weights).Slice(o * v, v), psiRe, psiIm, lambdaRe, lambdaIm, v);
        }
    }

    /// <summary>
    /// The adjoint sweep: from the last step to the first, accumulates Im⟨λ_m|P|ψ⟩ of every
    /// differentiable rotation into <see cref="LaneScratch.Gradients"/>, then un-applies the step
    /// to ψ and to every λ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(LaneProgram program, LaneScratch scratch, int lambdas)
    {
        var v = scratch.Lanes / Vector<double>.Count;
        var psiRe = Vectors(scratch.Psi.Re);
        var psiIm = Vectors(scratch.Psi.Im);
        Array.Clear(scratch.Gradients);
        var gradients = Vectors(scratch.Gradients);
        var angleCount = Math.Max(1, program.AngleCount);
        for (var index = program.Ops.Length - 1; index >= 0; index--)
        {
            var op = program.Ops[index];
            if (op.Kind == LaneOpKind.Fixed)
            {
                var inverse = op.Matrix.Adjoint();
                ApplyFixed(op.Rows, inverse, psiRe, psiIm, v, realOnly: false);
                for (var m = 0; m < lambdas; m++)
                {
                    ApplyFixed(op.Rows, inverse, Vectors(scratch.Lambda[m].Re), Vectors(scratch.Lambda[m].Im), v, realOnly: false);
                }

                continue;
            }

            var cos = Vectors(scratch.Cos).Slice(op.AngleIndex * v, v);
            var sin = Vectors(scratch.Sin).Slice(op.AngleIndex * v, v);
            for (var m = 0; m < lambdas; m++)
            {
                var lambdaRe = Vectors(scratch.Lambda[m].Re);
                var lambdaIm = Vectors(scratch.Lambda[m].Im);
                if (op.Differentiable)
                {
                    var accumulator = gradients.Slice(((m * angleCount) + op.AngleIndex) * v, v);
                    if (op.Kind is LaneOpKind.Rx or LaneOpKind.Ry or LaneOpKind.Rz)
                    {
                        GeneratorPairs(op.Kind, op.Rows, lambdaRe, lambdaIm, psiRe, psiIm, accumulator, v);
                    }
                    else
                    {
                        GeneratorQuads(op.Kind, op.Rows, lambdaRe, lambdaIm, psiRe, psiIm, accumulator, v);
                    }
                }

                UnApply(op, cos, sin, lambdaRe, lambdaIm, v);
            }

            UnApply(op, cos, sin, psiRe, psiIm, v);
        }
    }

    private static void UnApply(LaneOp op, ReadOnlySpan<Vector<double>> cos, ReadOnlySpan<Vector<double>> sin, Span<Vector<double>> re,
        Span<Vector<double>> im, int v)
    {
        if (op.Kind is LaneOpKind.Rx or LaneOpKind.Ry or LaneOpKind.Rz)
        {
            Rotate(op.Kind, op.Rows, cos, sin, re, im, v, inverse: true);
        }
        else
        {
            RotateTwo(op.Kind, op.Rows, cos, sin, re, im, v, inverse: true);
        }
    }

    private static Span<Vector<double>> Vectors(double[] values) => MemoryMarshal.Cast<double, Vector<double>>(values.AsSpan());

    private static void Scatter(ReadOnlySpan<Vector<double>> sums, int count, Span<double> output, int laneStride, int o)
    {
        var flat = MemoryMarshal.Cast<Vector<double>, double>(sums);
        for (var l = 0; l < count; l++)
        {
            output[(l * laneStride) + o] = flat[l];
        }
    }

    // target += w · P|ψ⟩ with (P|ψ⟩)[i ⊕ f] = i^y sign(i) ψ[i]; w = 1 when null.
    private static void AddPauliTimes(LaneProgram program, PauliMasks pauli, ReadOnlySpan<Vector<double>> w,
        ReadOnlySpan<Vector<double>> re, ReadOnlySpan<Vector<double>> im, Span<Vector<double>> targetRe, Span<Vector<double>> targetIm, int v)
    {
        for (var i = 0; i < program.Dimension; i++)
        {
            var (fr, fi) = pauli.FactorAt(i);
            int src = program.RowOf[i] * v, dst = program.RowOf[i ^ pauli.FlipMask] * v;
            for (var k = 0; k < v; k++)
            {
                var scale = w.IsEmpty ? Vector<double>.One : w[k];
                var xr = re[src + k];
                var xi = im[src + k];
                targetRe[dst + k] += scale * ((fr * xr) - (fi * xi));
                targetIm[dst + k] += scale * ((fr * xi) + (fi * xr));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RotateYReal(int[] rows, ReadOnlySpan<Vector<double>> cos, ReadOnlySpan<Vector<double>> sin, Span<Vector<double>> reSpan,
        int v)
    {
        ref var re = ref MemoryMarshal.GetReference(reSpan);
        ref var c0 = ref MemoryMarshal.GetReference(cos);
        ref var s0 = ref MemoryMarshal.GetReference(sin);
        for (var p = 0; p < rows.Length; p += 2)
        {
            int i = rows[p] * v, j = rows[p + 1] * v;
            for (var k = 0; k < v; k++)
            {
                var c = Unsafe.Add(ref c0, k);
                var s = Unsafe.Add(ref s0, k);
                var x = Unsafe.Add(ref re, i + k);
                var y = Unsafe.Add(ref re, j + k);
                Unsafe.Add(ref re, i + k) = (c * x) - (s * y);
                Unsafe.Add(ref re, j + k) = (s * x) + (c * y);
            }
        }
    }

    private static void Rotate(LaneOpKind kind, int[] rows, ReadOnlySpan<Vector<double>> cos, ReadOnlySpan<Vector<double>> sin,
        Span<Vector<double>> re, Span<Vector<double>> im, int v, bool inverse)
    {
        switch (kind)
        {
            case LaneOpKind.Rx:
                Rotate<PairRotations.X>(rows, cos, sin, re, im, v, inverse);
                break;
            case LaneOpKind.Ry:
                Rotate<PairRotations.Y>(rows, cos, sin, re, im, v, inverse);
                break;
            default:
                Rotate<PairRotations.Z>(rows, cos, sin, re, im, v, inverse);
                break;
        }
    }

    // Specialised per rotation by the JIT (TRotation is a struct), so the inner loop has no branch.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rotate<TRotation>(int[] rows, ReadOnlySpan<Vector<double>> cos, ReadOnlySpan<Vector<double>> sin,
        Span<Vector<double>> reSpan, Span<Vector<double>> imSpan, int v, bool inverse)
        where TRotation : struct, IPairRotation
    {
        ref var re = ref MemoryMarshal.GetReference(reSpan);
        ref var im = ref MemoryMarshal.GetReference(imSpan);
        ref var c0 = ref MemoryMarshal.GetReference(cos);
        ref var s0 = ref MemoryMarshal.GetReference(sin);
        var sign = inverse ? -Vector<double>.One : Vector<double>.One;
        for (var p = 0; p < rows.Length; p += 2)
        {
            int i = rows[p] * v, j = rows[p + 1] * v;
            for (var k = 0; k < v; k++)
            {
                TRotation.Apply(
                    Unsafe.Add(ref c0, k), sign * Unsafe.Add(ref s0, k),
                    ref Unsafe.Add(ref re, i + k), ref Unsafe.Add(ref im, i + k), ref Unsafe.Add(ref re, j + k), ref Unsafe.Add(ref im, j + k));
            }
        }
    }

    // exp(-iθ/2 PP) on quadruples (00, 01, 10, 11).
    private static void RotateTwo(LaneOpKind kind, int[] rows, ReadOnlySpan<Vector<double>> cos, ReadOnlySpan<Vector<double>> sin,
        Span<Vector<double>> re, Span<Vector<double>> im, int v, bool inverse)
    {
        var sign = inverse ? -Vector<double>.One : Vector<double>.One;
        for (var q = 0; q < rows.Length; q += 4)
        {
            int r00 = rows[q] * v, r01 = rows[q + 1] * v, r10 = rows[q + 2] * v, r11 = rows[q + 3] * v;
            for (var k = 0; k < v; k++)
            {
                var c = cos[k];
                var s = sign * sin[k];
                if (kind == LaneOpKind.Rzz)
                {
                    // ZZ is +1 on |00>, |11> and -1 on |01>, |10>.
                    Phase(re, im, r00 + k, c, -s);
                    Phase(re, im, r11 + k, c, -s);
                    Phase(re, im, r01 + k, c, s);
                    Phase(re, im, r10 + k, c, s);
                }
                else
                {
                    // XX swaps |00><->|11> and |01><->|10>; YY does the same with sign -1 on the first pair.
                    Mix(re, im, r00 + k, r11 + k, c, kind == LaneOpKind.Rxx ? s : -s);
                    Mix(re, im, r01 + k, r10 + k, c, s);
                }
            }
        }
    }

    // x -> (c + i s) x
    private static void Phase(Span<Vector<double>> re, Span<Vector<double>> im, int i, Vector<double> c, Vector<double> s)
    {
        Vector<double> xr = re[i], xi = im[i];
        re[i] = (c * xr) - (s * xi);
        im[i] = (c * xi) + (s * xr);
    }

    // (x, y) -> (c x - i s y, c y - i s x)
    private static void Mix(Span<Vector<double>> re, Span<Vector<double>> im, int i, int j, Vector<double> c, Vector<double> s)
    {
        Vector<double> xr = re[i], xi = im[i], yr = re[j], yi = im[j];
        re[i] = (c * xr) + (s * yi);
        im[i] = (c * xi) - (s * yr);
        re[j] = (c * yr) + (s * xi);
        im[j] = (c * yi) - (s * xr);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyFixed(int[] rows, Matrix2 m, Span<Vector<double>> reSpan, Span<Vector<double>> imSpan, int v, bool realOnly)
    {
        ref var re = ref MemoryMarshal.GetReference(reSpan);
        ref var im = ref MemoryMarshal.GetReference(imSpan);
        Vector<double> ar = new(m.Ar), br = new(m.Br), cr = new(m.Cr), dr = new(m.Dr);
        if (realOnly)
        {
            for (var p = 0; p < rows.Length; p += 2)
            {
                int i = rows[p] * v, j = rows[p + 1] * v;
                for (var k = 0; k < v; k++)
                {
                    var x = Unsafe.Add(ref re, i + k);
                    var y = Unsafe.Add(ref re, j + k);
                    Unsafe.Add(ref re, i + k) = (ar * x) + (br * y);
                    Unsafe.Add(ref re, j + k) = (cr * x) + (dr * y);
                }
            }

            return;
        }

        Vector<double> ai = new(m.Ai), bi = new(m.Bi), ci = new(m.Ci), di = new(m.Di);
        for (var p = 0; p < rows.Length; p += 2)
        {
            int i = rows[p] * v, j = rows[p + 1] * v;
            for (var k = 0; k < v; k++)
            {
                ref var xr = ref Unsafe.Add(ref re, i + k);
                ref var xi = ref Unsafe.Add(ref im, i + k);
                ref var yr = ref Unsafe.Add(ref re, j + k);
                ref var yi = ref Unsafe.Add(ref im, j + k);
                Vector<double> pr = xr, pi = xi, qr = yr, qi = yi;
                xr = (ar * pr) - (ai * pi) + (br * qr) - (bi * qi);
                xi = (ar * pi) + (ai * pr) + (br * qi) + (bi * qr);
                yr = (cr * pr) - (ci * pi) + (dr * qr) - (di * qi);
                yi = (cr * pi) + (ci * pr) + (dr * qi) + (di * qr);
            }
        }
    }

    // Im⟨λ|P|ψ⟩ over the pairs (x = bit 0, y = bit 1) of a one-qubit rotation's generator P.
    private static void GeneratorPairs(LaneOpKind kind, int[] rows, ReadOnlySpan<Vector<double>> lambdaRe, ReadOnlySpan<Vector<double>> lambdaIm,
        ReadOnlySpan<Vector<double>> psiRe, ReadOnlySpan<Vector<double>> psiIm, Span<Vector<double>> accumulator, int v)
    {
        switch (kind)
        {
            case LaneOpKind.Rx:
                GeneratorPairs<PairRotations.X>(rows, lambdaRe, lambdaIm, psiRe, psiIm, accumulator, v);
                break;
            case LaneOpKind.Ry:
                GeneratorPairs<PairRotations.Y>(rows, lambdaRe, lambdaIm, psiRe, psiIm, accumulator, v);
                break;
            default:
                GeneratorPairs<PairRotations.Z>(rows, lambdaRe, lambdaIm, psiRe, psiIm, accumulator, v);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GeneratorPairs<TRotation>(int[] rows, ReadOnlySpan<Vector<double>> lambdaRe, ReadOnlySpan<Vector<double>> lambdaIm,
        ReadOnlySpan<Vector<double>> psiRe, ReadOnlySpan<Vector<double>> psiIm, Span<Vector<double>> accumulator, int v)
        where TRotation : struct, IPairRotation
    {
        ref var lr = ref MemoryMarshal.GetReference(lambdaRe);
        ref var li = ref MemoryMarshal.GetReference(lambdaIm);
        ref var pr = ref MemoryMarshal.GetReference(psiRe);
        ref var pi = ref MemoryMarshal.GetReference(psiIm);
        ref var acc = ref MemoryMarshal.GetReference(accumulator);
        for (var p = 0; p < rows.Length; p += 2)
        {
            int i = rows[p] * v, j = rows[p + 1] * v;
            for (var k = 0; k < v; k++)
            {
                Unsafe.Add(ref acc, k) += TRotation.Generator(
                    Unsafe.Add(ref lr, i + k), Unsafe.Add(ref li, i + k), Unsafe.Add(ref lr, j + k), Unsafe.Add(ref li, j + k),
                    Unsafe.Add(ref pr, i + k), Unsafe.Add(ref pi, i + k), Unsafe.Add(ref pr, j + k), Unsafe.Add(ref pi, j + k));
            }
        }
    }

    // Im⟨λ|P|ψ⟩ over the quadruples (00, 01, 10, 11) of a two-qubit rotation's generator XX, YY or ZZ.
    private static void GeneratorQuads(LaneOpKind kind, int[] rows, ReadOnlySpan<Vector<double>> lambdaRe, ReadOnlySpan<Vector<double>> lambdaIm,
        ReadOnlySpan<Vector<double>> psiRe, ReadOnlySpan<Vector<double>> psiIm, Span<Vector<double>> accumulator, int v)
    {
        for (var q = 0; q < rows.Length; q += 4)
        {
            int r00 = rows[q] * v, r01 = rows[q + 1] * v, r10 = rows[q + 2] * v, r11 = rows[q + 3] * v;
            for (var k = 0; k < v; k++)
            {
                int a00 = r00 + k, a01 = r01 + k, a10 = r10 + k, a11 = r11 + k;
                accumulator[k] += kind switch
                {
                    // XX: μ00 = ψ11, μ01 = ψ10, μ10 = ψ01, μ11 = ψ00
                    LaneOpKind.Rxx => ImC(lambdaRe, lambdaIm, psiRe, psiIm, a00, a11) + ImC(lambdaRe, lambdaIm, psiRe, psiIm, a01, a10)
                        + ImC(lambdaRe, lambdaIm, psiRe, psiIm, a10, a01) + ImC(lambdaRe, lambdaIm, psiRe, psiIm, a11, a00),
                    // YY: μ00 = -ψ11, μ01 = ψ10, μ10 = ψ01, μ11 = -ψ00
                    LaneOpKind.Ryy => -ImC(lambdaRe, lambdaIm, psiRe, psiIm, a00, a11) + ImC(lambdaRe, lambdaIm, psiRe, psiIm, a01, a10)
                        + ImC(lambdaRe, lambdaIm, psiRe, psiIm, a10, a01) - ImC(lambdaRe, lambdaIm, psiRe, psiIm, a11, a00),
                    // ZZ: μ = (ψ00, -ψ01, -ψ10, ψ11)
                    _ => ImC(lambdaRe, lambdaIm, psiRe, psiIm, a00, a00) - ImC(lambdaRe, lambdaIm, psiRe, psiIm, a01, a01)
                        - ImC(lambdaRe, lambdaIm, psiRe, psiIm, a10, a10) + ImC(lambdaRe, lambdaIm, psiRe, psiIm, a11, a11),
                };
            }
        }
    }

    // Im(conj(λ[a]) ψ[b])
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ImC(ReadOnlySpan<Vector<double>> lambdaRe, ReadOnlySpan<Vector<double>> lambdaIm,
        ReadOnlySpan<Vector<double>> psiRe, ReadOnlySpan<Vector<double>> psiIm, int a, int b) =>
        (lambdaRe[a] * psiIm[b]) - (lambdaIm[a] * psiRe[b]);
}
