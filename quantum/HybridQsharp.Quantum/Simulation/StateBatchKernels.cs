using System.Numerics;
using System.Runtime.InteropServices;
using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// Gate kernels on a <see cref="StateBatch"/>: every lane is its own circuit with its own
/// angle, so rotations read per-lane cos/sin, and each row update is a run of SIMD vectors.
/// </summary>
public static class StateBatchKernels
{
    /// <summary>Runs the tape for the lanes of <paramref name="batch"/>; lane l takes its angles from row <paramref name="firstCircuit"/> + l (lanes past <paramref name="circuits"/> get angle 0).</summary>
    public static void Run(CircuitTape tape, ReadOnlySpan<double> angles, int firstCircuit, int circuits, StateBatch batch)
    {
        batch.SetZero();
        var lanes = Math.Min(batch.Lanes, circuits - firstCircuit);
        foreach (var gate in tape.Gates)
        {
            if (gate.AngleIndex >= 0)
            {
                for (var l = 0; l < batch.Lanes; l++)
                {
                    batch.Sin[l] = l < lanes ? angles[((firstCircuit + l) * tape.AngleCount) + gate.AngleIndex] / 2 : 0;
                }

                // Vectorised sine and cosine: per-lane scalar trig would cost more than the gate itself.
                var halfAngles = MemoryMarshal.Cast<double, Vector<double>>(batch.Sin.AsSpan());
                var cosines = MemoryMarshal.Cast<double, Vector<double>>(batch.Cos.AsSpan());
                for (var k = 0; k < halfAngles.Length; k++)
                {
                    (halfAngles[k], cosines[k]) = Vector.SinCos(halfAngles[k]);
                }
            }

            Apply(batch, gate);
        }
    }

    /// <summary>⟨Z_q⟩ of every lane into <paramref name="expectations"/> (circuits × qubits) for the first <paramref name="lanes"/> lanes.</summary>
    public static void ExpectationsZ(StateBatch batch, int lanes, Span<double> expectations, int qubits)
    {
        var w = batch.Lanes;
        Span<double> sums = stackalloc double[w];
        for (var q = 0; q < qubits; q++)
        {
            sums.Clear();
            var mask = 1 << batch.BitOf(q);
            for (var a = 0; a < batch.Dimension; a++)
            {
                var sign = (a & mask) == 0 ? 1.0 : -1.0;
                var re = batch.Re.AsSpan(a * w, w);
                var im = batch.Im.AsSpan(a * w, w);
                for (var l = 0; l < w; l++)
                {
                    sums[l] += sign * ((re[l] * re[l]) + (im[l] * im[l]));
                }
            }

            for (var l = 0; l < lanes; l++)
            {
                expectations[(l * qubits) + q] = sums[l];
            }
        }
    }

    private static void Apply(StateBatch batch, in TapeGate gate)
    {
        var h = Math.Sqrt(0.5);
        switch (gate.Kind)
        {
            case GateKind.Rx or GateKind.Ry or GateKind.Rz:
                Rotate(batch, gate.Kind, batch.BitOf(gate.Qubit0));
                break;
            case GateKind.Rxx or GateKind.Ryy or GateKind.Rzz:
                RotateTwo(batch, gate.Kind, batch.BitOf(gate.Qubit0), batch.BitOf(gate.Qubit1));
                break;
            case GateKind.H:
                Fixed(batch, batch.BitOf(gate.Qubit0), h, 0, h, 0, h, 0, -h, 0);
                break;
            case GateKind.X or GateKind.Y or GateKind.Z:
                ControlledPauli(batch, 0, batch.BitOf(gate.Qubit0), gate.Kind);
                break;
            case GateKind.S or GateKind.SAdj:
                Fixed(batch, batch.BitOf(gate.Qubit0), 1, 0, 0, 0, 0, 0, 0, gate.Kind == GateKind.S ? 1 : -1);
                break;
            case GateKind.T or GateKind.TAdj:
                Fixed(batch, batch.BitOf(gate.Qubit0), 1, 0, 0, 0, 0, 0, h, gate.Kind == GateKind.T ? h : -h);
                break;
            case GateKind.CX or GateKind.CY or GateKind.CZ:
                var pauli = gate.Kind switch { GateKind.CX => GateKind.X, GateKind.CY => GateKind.Y, _ => GateKind.Z };
                ControlledPauli(batch, 1 << batch.BitOf(gate.Qubit0), batch.BitOf(gate.Qubit1), pauli);
                break;
            case GateKind.CCX:
                ControlledPauli(batch, (1 << batch.BitOf(gate.Qubit0)) | (1 << batch.BitOf(gate.Qubit1)), batch.BitOf(gate.Qubit2), GateKind.X);
                break;
            case GateKind.Swap:
                Swap(batch, batch.BitOf(gate.Qubit0), batch.BitOf(gate.Qubit1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(gate), gate.Kind, "Unsupported gate.");
        }
    }

    private static void Rotate(StateBatch batch, GateKind kind, int bit)
    {
        var re = MemoryMarshal.Cast<double, Vector<double>>(batch.Re.AsSpan());
        var im = MemoryMarshal.Cast<double, Vector<double>>(batch.Im.AsSpan());
        var cos = MemoryMarshal.Cast<double, Vector<double>>(batch.Cos.AsSpan());
        var sin = MemoryMarshal.Cast<double, Vector<double>>(batch.Sin.AsSpan());
        var v = cos.Length;
        var stride = 1 << bit;
        for (var block = 0; block < batch.Dimension; block += 2 * stride)
        {
            for (var a = block; a < block + stride; a++)
            {
                int i = a * v, j = (a + stride) * v;
                for (var k = 0; k < v; k++)
                {
                    Vector<double> c = cos[k], s = sin[k];
                    Vector<double> xr = re[i + k], xi = im[i + k], yr = re[j + k], yi = im[j + k];
                    switch (kind)
                    {
                        case GateKind.Ry:
                            re[i + k] = (c * xr) - (s * yr);
                            im[i + k] = (c * xi) - (s * yi);
                            re[j + k] = (s * xr) + (c * yr);
                            im[j + k] = (s * xi) + (c * yi);
                            break;
                        case GateKind.Rx:
                            // x' = c x - i s y, y' = c y - i s x
                            re[i + k] = (c * xr) + (s * yi);
                            im[i + k] = (c * xi) - (s * yr);
                            re[j + k] = (c * yr) + (s * xi);
                            im[j + k] = (c * yi) - (s * xr);
                            break;
                        default:
                            // x' = (c - i s) x, y' = (c + i s) y
                            re[i + k] = (c * xr) + (s * xi);
                            im[i + k] = (c * xi) - (s * xr);
                            re[j + k] = (c * yr) - (s * yi);
                            im[j + k] = (c * yi) + (s * yr);
                            break;
                    }
                }
            }
        }
    }

    // exp(-iθ/2 PP) on each group of four amplitudes |00>, |01>, |10>, |11> of the two qubits.
    private static void RotateTwo(StateBatch batch, GateKind kind, int bitA, int bitB)
    {
        var re = MemoryMarshal.Cast<double, Vector<double>>(batch.Re.AsSpan());
        var im = MemoryMarshal.Cast<double, Vector<double>>(batch.Im.AsSpan());
        var cos = MemoryMarshal.Cast<double, Vector<double>>(batch.Cos.AsSpan());
        var sin = MemoryMarshal.Cast<double, Vector<double>>(batch.Sin.AsSpan());
        var v = cos.Length;
        int a = 1 << bitA, b = 1 << bitB;
        for (var i = 0; i < batch.Dimension; i++)
        {
            if ((i & (a | b)) != 0)
            {
                continue;
            }

            int r00 = i * v, r01 = (i | b) * v, r10 = (i | a) * v, r11 = (i | a | b) * v;
            for (var k = 0; k < v; k++)
            {
                Vector<double> c = cos[k], s = sin[k];
                if (kind == GateKind.Rzz)
                {
                    Phase(re, im, r00 + k, c, -s);
                    Phase(re, im, r11 + k, c, -s);
                    Phase(re, im, r01 + k, c, s);
                    Phase(re, im, r10 + k, c, s);
                }
                else
                {
                    Mix(re, im, r00 + k, r11 + k, c, kind == GateKind.Rxx ? s : -s);
                    Mix(re, im, r01 + k, r10 + k, c, s);
                }
            }
        }
    }

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

    private static void Fixed(StateBatch batch, int bit, double ar, double ai, double br, double bi, double cr, double ci, double dr, double di)
    {
        var re = MemoryMarshal.Cast<double, Vector<double>>(batch.Re.AsSpan());
        var im = MemoryMarshal.Cast<double, Vector<double>>(batch.Im.AsSpan());
        var v = batch.Lanes / Vector<double>.Count;
        var stride = 1 << bit;
        for (var block = 0; block < batch.Dimension; block += 2 * stride)
        {
            for (var a = block; a < block + stride; a++)
            {
                int i = a * v, j = (a + stride) * v;
                for (var k = 0; k < v; k++)
                {
                    Vector<double> xr = re[i + k], xi = im[i + k], yr = re[j + k], yi = im[j + k];
                    re[i + k] = (ar * xr) - (ai * xi) + (br * yr) - (bi * yi);
                    im[i + k] = (ar * xi) + (ai * xr) + (br * yi) + (bi * yr);
                    re[j + k] = (cr * xr) - (ci * xi) + (dr * yr) - (di * yi);
                    im[j + k] = (cr * xi) + (ci * xr) + (dr * yi) + (di * yr);
                }
            }
        }
    }

    // A Pauli on the target bit of every amplitude pair whose control bits (mask) are all set;
    // mask 0 applies it unconditionally.
    private static void ControlledPauli(StateBatch batch, int controlMask, int targetBit, GateKind pauli)
    {
        var w = batch.Lanes;
        var target = 1 << targetBit;
        for (var i = 0; i < batch.Dimension; i++)
        {
            if ((i & controlMask) != controlMask || (i & target) != 0)
            {
                continue;
            }

            var j = i | target;
            var reI = batch.Re.AsSpan(i * w, w);
            var imI = batch.Im.AsSpan(i * w, w);
            var reJ = batch.Re.AsSpan(j * w, w);
            var imJ = batch.Im.AsSpan(j * w, w);
            switch (pauli)
            {
                case GateKind.X:
                    SwapRows(reI, reJ);
                    SwapRows(imI, imJ);
                    break;
                case GateKind.Y:
                    // Y|0> = i|1>, Y|1> = -i|0>: (x, y) -> (-i y, i x)
                    for (var l = 0; l < w; l++)
                    {
                        double xr = reI[l], xi = imI[l], yr = reJ[l], yi = imJ[l];
                        reI[l] = yi;
                        imI[l] = -yr;
                        reJ[l] = -xi;
                        imJ[l] = xr;
                    }

                    break;
                default:
                    Negate(reJ);
                    Negate(imJ);
                    break;
            }
        }
    }

    private static void Swap(StateBatch batch, int bitA, int bitB)
    {
        var w = batch.Lanes;
        int a = 1 << bitA, b = 1 << bitB;
        for (var i = 0; i < batch.Dimension; i++)
        {
            if ((i & a) != 0 && (i & b) == 0)
            {
                var j = (i & ~a) | b;
                SwapRows(batch.Re.AsSpan(i * w, w), batch.Re.AsSpan(j * w, w));
                SwapRows(batch.Im.AsSpan(i * w, w), batch.Im.AsSpan(j * w, w));
            }
        }
    }

    private static void SwapRows(Span<double> x, Span<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        for (var k = 0; k < vx.Length; k++)
        {
            (vx[k], vy[k]) = (vy[k], vx[k]);
        }
    }

    private static void Negate(Span<double> x)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        for (var k = 0; k < vx.Length; k++)
        {
            vx[k] = -vx[k];
        }
    }
}
