using System.Numerics;
using System.Runtime.CompilerServices;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// sin and cos of a vector of doubles, written out here so the lane kernels' hottest helper is
/// compiled with them (fully optimised from the first call) rather than running through the
/// runtime library's generic implementation, which the tiered JIT can leave unoptimised for a
/// long time in a process that keeps compiling new code. Cody–Waite reduction by π/2 in three
/// parts, then fdlibm's kernel polynomials on [−π/4, π/4]: within 2 ulp of the C library on
/// |x| ≤ 2²⁰·π/2; lanes beyond that (or not finite) go to <see cref="Math.SinCos(double)"/>.
/// </summary>
internal static class VectorSinCos
{
    private const double TwoOverPi = 0.63661977236758134308;
    private const double PiOver2Hi = 1.57079632673412561417e+00;
    private const double PiOver2Mid = 6.07710050630396597660e-11;
    private const double PiOver2Lo = 2.02226624879595063154e-21;
    private const double Limit = 1.6469e6;

    // 1.5 · 2⁵²: adding and subtracting it rounds to the nearest integer.
    private const double Rounder = 6755399441055744.0;

    private const double S1 = -1.66666666666666324348e-01;
    private const double S2 = 8.33333333332248946124e-03;
    private const double S3 = -1.98412698298579493134e-04;
    private const double S4 = 2.75573137070700676789e-06;
    private const double S5 = -2.50507602534068634195e-08;
    private const double S6 = 1.58969099521155010221e-10;

    private const double C1 = 4.16666666666666019037e-02;
    private const double C2 = -1.38888888888741095749e-03;
    private const double C3 = 2.48015872894767294178e-05;
    private const double C4 = -2.75573143513906633035e-07;
    private const double C5 = 2.08757232129817482790e-09;
    private const double C6 = -1.13596475577881948265e-11;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector<double> Sin, Vector<double> Cos) SinCos(Vector<double> x)
    {
        if (Vector.GreaterThanAny(Vector.Abs(x), new Vector<double>(Limit)) || !Vector.EqualsAll(x, x))
        {
            return Scalar(x);
        }

        var q = ((x * TwoOverPi) + new Vector<double>(Rounder)) - new Vector<double>(Rounder);
        var r = x - (q * PiOver2Hi);
        r -= q * PiOver2Mid;
        r -= q * PiOver2Lo;
        var z = r * r;

        var sinPoly = new Vector<double>(S5) + (z * S6);
        sinPoly = new Vector<double>(S4) + (z * sinPoly);
        sinPoly = new Vector<double>(S3) + (z * sinPoly);
        sinPoly = new Vector<double>(S2) + (z * sinPoly);
        sinPoly = new Vector<double>(S1) + (z * sinPoly);
        var sin = r + (r * z * sinPoly);

        var cosPoly = new Vector<double>(C5) + (z * C6);
        cosPoly = new Vector<double>(C4) + (z * cosPoly);
        cosPoly = new Vector<double>(C3) + (z * cosPoly);
        cosPoly = new Vector<double>(C2) + (z * cosPoly);
        cosPoly = new Vector<double>(C1) + (z * cosPoly);
        var cos = (Vector<double>.One - (0.5 * z)) + (z * z * cosPoly);

        // Quadrant q mod 4: (sin, cos) of x are (s, c), (c, −s), (−s, −c), (−c, s).
        var quadrant = Vector.ConvertToInt64(q);
        var odd = Vector.AsVectorDouble(Vector.Equals(quadrant & Vector<long>.One, Vector<long>.One));
        var sinNegative = Vector.AsVectorDouble(Vector.Equals(quadrant & new Vector<long>(2), new Vector<long>(2)));
        var cosNegative = Vector.AsVectorDouble(Vector.Equals((quadrant + Vector<long>.One) & new Vector<long>(2), new Vector<long>(2)));
        var sinOut = Vector.ConditionalSelect(odd, cos, sin);
        var cosOut = Vector.ConditionalSelect(odd, sin, cos);
        return (Vector.ConditionalSelect(sinNegative, -sinOut, sinOut), Vector.ConditionalSelect(cosNegative, -cosOut, cosOut));
    }

    private static (Vector<double> Sin, Vector<double> Cos) Scalar(Vector<double> x)
    {
        Span<double> sin = stackalloc double[Vector<double>.Count];
        Span<double> cos = stackalloc double[Vector<double>.Count];
        for (var i = 0; i < Vector<double>.Count; i++)
        {
            (sin[i], cos[i]) = Math.SinCos(x[i]);
        }

        return (new Vector<double>(sin), new Vector<double>(cos));
    }
}
