using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// In-place gate kernels on a <see cref="StateVector"/>. Single-qubit gates are a complex
/// 2×2 matrix on index pairs (i, i + stride); when a pair's halves are contiguous runs of at
/// least one SIMD vector they are updated a vector at a time.
/// </summary>
public static class GateKernels
{
    /// <summary>
    /// Applies gate <paramref name="gate"/> with angle <paramref name="angle"/> (ignored for fixed gates); the inverse if <paramref name="inverse"/>.
    /// </summary>
    public static void Apply(StateVector state, in TapeGate gate, double angle, bool inverse = false)
    {
        var sign = inverse ? -1.0 : 1.0;
        switch (gate.Kind)
        {
            case GateKind.Rx:
            {
                var (s, c) = Math.SinCos(sign * angle / 2);
                Apply1(state, gate.Qubit0, c, 0, 0, -s, 0, -s, c, 0);
                break;
            }

            case GateKind.Ry:
            {
                var (s, c) = Math.SinCos(sign * angle / 2);
                Apply1(state, gate.Qubit0, c, 0, -s, 0, s, 0, c, 0);
                break;
            }

            case GateKind.Rz:
            {
                var (s, c) = Math.SinCos(sign * angle / 2);
                Apply1(state, gate.Qubit0, c, -s, 0, 0, 0, 0, c, s);
                break;
            }

            case GateKind.H:
                Apply1(state, gate.Qubit0, Math.Sqrt(0.5), 0, Math.Sqrt(0.5), 0, Math.Sqrt(0.5), 0, -Math.Sqrt(0.5), 0);
                break;
            case GateKind.X:
                Apply1(state, gate.Qubit0, 0, 0, 1, 0, 1, 0, 0, 0);
                break;
            case GateKind.Y:
                Apply1(state, gate.Qubit0, 0, 0, 0, -1, 0, 1, 0, 0);
                break;
            case GateKind.Z:
                Apply1(state, gate.Qubit0, 1, 0, 0, 0, 0, 0, -1, 0);
                break;
            case GateKind.S or GateKind.SAdj:
                Apply1(state, gate.Qubit0, 1, 0, 0, 0, 0, 0, 0, (gate.Kind == GateKind.S) != inverse ? 1 : -1);
                break;
            case GateKind.T or GateKind.TAdj:
                Apply1(state, gate.Qubit0, 1, 0, 0, 0, 0, 0, Math.Sqrt(0.5), ((gate.Kind == GateKind.T) != inverse ? 1 : -1) * Math.Sqrt(0.5));
                break;
            case GateKind.CX:
                ApplyControlledPauli(state, gate.Qubit0, -1, gate.Qubit1, GateKind.X);
                break;
            case GateKind.CY:
                ApplyControlledPauli(state, gate.Qubit0, -1, gate.Qubit1, GateKind.Y);
                break;
            case GateKind.CZ:
                ApplyControlledPauli(state, gate.Qubit0, -1, gate.Qubit1, GateKind.Z);
                break;
            case GateKind.CCX:
                ApplyControlledPauli(state, gate.Qubit0, gate.Qubit1, gate.Qubit2, GateKind.X);
                break;
            case GateKind.Swap:
                ApplySwap(state, gate.Qubit0, gate.Qubit1);
                break;
            case GateKind.Rxx or GateKind.Ryy or GateKind.Rzz:
                ApplyTwoQubitRotation(state, gate.Kind, gate.Qubit0, gate.Qubit1, sign * angle);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(gate), gate.Kind, "Unsupported gate.");
        }
    }

    /// <summary>Applies the Pauli word P of a rotation exp(-iθP/2) (X, Y, Z, XX, YY or ZZ).</summary>
    public static void ApplyGenerator(StateVector state, in TapeGate gate)
    {
        switch (gate.Kind)
        {
            case GateKind.Rx:
                Apply(state, new TapeGate(GateKind.X, gate.Qubit0), 0);
                break;
            case GateKind.Ry:
                Apply(state, new TapeGate(GateKind.Y, gate.Qubit0), 0);
                break;
            case GateKind.Rz:
                Apply(state, new TapeGate(GateKind.Z, gate.Qubit0), 0);
                break;
            case GateKind.Rxx or GateKind.Ryy or GateKind.Rzz:
                var single = gate.Kind switch { GateKind.Rxx => GateKind.X, GateKind.Ryy => GateKind.Y, _ => GateKind.Z };
                Apply(state, new TapeGate(single, gate.Qubit0), 0);
                Apply(state, new TapeGate(single, gate.Qubit1), 0);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(gate), gate.Kind, "Only rotations have a generator.");
        }
    }

    /// <summary>Applies [[a, b], [c, d]] (complex, given as re/im parts) to <paramref name="qubit"/>.</summary>
    public static void Apply1(
        StateVector state, int qubit,
        double ar, double ai, double br, double bi, double cr, double ci, double dr, double di)
    {
        var stride = 1 << state.BitOf(qubit);
        var re = state.Re;
        var im = state.Im;
        var width = Vector<double>.Count;
        if (stride >= width)
        {
            Apply1Vectorised(re, im, stride, ar, ai, br, bi, cr, ci, dr, di);
            return;
        }

        for (var block = 0; block < re.Length; block += 2 * stride)
        {
            for (var i = block; i < block + stride; i++)
            {
                var j = i + stride;
                double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                re[i] = (ar * xr) - (ai * xi) + (br * yr) - (bi * yi);
                im[i] = (ar * xi) + (ai * xr) + (br * yi) + (bi * yr);
                re[j] = (cr * xr) - (ci * xi) + (dr * yr) - (di * yi);
                im[j] = (cr * xi) + (ci * xr) + (dr * yi) + (di * yr);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Apply1Vectorised(
        double[] re, double[] im, int stride,
        double ar, double ai, double br, double bi, double cr, double ci, double dr, double di)
    {
        var width = Vector<double>.Count;
        var vRe = MemoryMarshal.Cast<double, Vector<double>>(re.AsSpan());
        var vIm = MemoryMarshal.Cast<double, Vector<double>>(im.AsSpan());
        var vStride = stride / width;
        Vector<double> var_ = new(ar), vai = new(ai), vbr = new(br), vbi = new(bi);
        Vector<double> vcr = new(cr), vci = new(ci), vdr = new(dr), vdi = new(di);
        for (var block = 0; block < vRe.Length; block += 2 * vStride)
        {
            for (var i = block; i < block + vStride; i++)
            {
                var j = i + vStride;
                Vector<double> xr = vRe[i], xi = vIm[i], yr = vRe[j], yi = vIm[j];
                vRe[i] = (var_ * xr) - (vai * xi) + (vbr * yr) - (vbi * yi);
                vIm[i] = (var_ * xi) + (vai * xr) + (vbr * yi) + (vbi * yr);
                vRe[j] = (vcr * xr) - (vci * xi) + (vdr * yr) - (vdi * yi);
                vIm[j] = (vcr * xi) + (vci * xr) + (vdr * yi) + (vdi * yr);
            }
        }
    }

    private static void ApplyControlledPauli(StateVector state, int control0, int control1, int target, GateKind pauli)
    {
        var re = state.Re;
        var im = state.Im;
        var controlMask = (1 << state.BitOf(control0)) | (control1 >= 0 ? 1 << state.BitOf(control1) : 0);
        var targetMask = 1 << state.BitOf(target);
        for (var i = 0; i < re.Length; i++)
        {
            if ((i & controlMask) != controlMask || (i & targetMask) != 0)
            {
                continue;
            }

            var j = i | targetMask;
            switch (pauli)
            {
                case GateKind.X:
                    (re[i], re[j]) = (re[j], re[i]);
                    (im[i], im[j]) = (im[j], im[i]);
                    break;
                case GateKind.Y:
                    // Y|0> = i|1>, Y|1> = -i|0>.
                    double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
                    re[i] = yi;
                    im[i] = -yr;
                    re[j] = -xi;
                    im[j] = xr;
                    break;
                default:
                    re[j] = -re[j];
                    im[j] = -im[j];
                    break;
            }
        }
    }

    private static void ApplySwap(StateVector state, int qubitA, int qubitB)
    {
        var re = state.Re;
        var im = state.Im;
        var a = 1 << state.BitOf(qubitA);
        var b = 1 << state.BitOf(qubitB);
        for (var i = 0; i < re.Length; i++)
        {
            if ((i & a) != 0 && (i & b) == 0)
            {
                var j = (i & ~a) | b;
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
    }

    // exp(-iθ/2 · PP) = cos(θ/2) I - i sin(θ/2) PP on the four amplitudes |00>, |01>, |10>, |11> of the two qubits.
    private static void ApplyTwoQubitRotation(StateVector state, GateKind kind, int qubitA, int qubitB, double angle)
    {
        var (s, c) = Math.SinCos(angle / 2);
        var re = state.Re;
        var im = state.Im;
        var a = 1 << state.BitOf(qubitA);
        var b = 1 << state.BitOf(qubitB);
        for (var i = 0; i < re.Length; i++)
        {
            if ((i & (a | b)) != 0)
            {
                continue;
            }

            int i01 = i | b, i10 = i | a, i11 = i | a | b;
            if (kind == GateKind.Rzz)
            {
                // ZZ is +1 on |00>, |11> and -1 on |01>, |10>.
                Phase(re, im, i, c, -s);
                Phase(re, im, i11, c, -s);
                Phase(re, im, i01, c, s);
                Phase(re, im, i10, c, s);
                continue;
            }

            // XX swaps |00><->|11> and |01><->|10>; YY does the same with sign -1 on the first pair.
            var outer = kind == GateKind.Rxx ? 1.0 : -1.0;
            Mix(re, im, i, i11, c, s * outer);
            Mix(re, im, i01, i10, c, s);
        }
    }

    private static void Phase(double[] re, double[] im, int i, double c, double s)
    {
        double xr = re[i], xi = im[i];
        re[i] = (c * xr) - (s * xi);
        im[i] = (c * xi) + (s * xr);
    }

    // (x, y) -> (c x - i s y, c y - i s x)
    private static void Mix(double[] re, double[] im, int i, int j, double c, double s)
    {
        double xr = re[i], xi = im[i], yr = re[j], yi = im[j];
        re[i] = (c * xr) + (s * yi);
        im[i] = (c * xi) - (s * yr);
        re[j] = (c * yr) + (s * xi);
        im[j] = (c * yi) - (s * xr);
    }
}
