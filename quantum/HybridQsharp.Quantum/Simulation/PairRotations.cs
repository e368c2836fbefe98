using System.Numerics;
using System.Runtime.CompilerServices;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// A one-qubit rotation exp(-iθP/2) on an amplitude pair (x = bit 0, y = bit 1), given
/// c = cos(θ/2) and s = sin(θ/2), and Im⟨λ|P|ψ⟩ over the pair: the two things the lane
/// kernels do per pair. Implemented by structs so generic kernels specialise per rotation.
/// </summary>
internal interface IPairRotation
{
    static abstract void Apply(Vector<double> c, Vector<double> s, ref Vector<double> xr, ref Vector<double> xi, ref Vector<double> yr,
        ref Vector<double> yi);

    static abstract Vector<double> Generator(
        Vector<double> lxr, Vector<double> lxi, Vector<double> lyr, Vector<double> lyi,
        Vector<double> pxr, Vector<double> pxi, Vector<double> pyr, Vector<double> pyi);
}

/// <summary>RX, RY and RZ as <see cref="IPairRotation"/>.</summary>
internal static class PairRotations
{
    public struct X : IPairRotation
    {
        // x' = c x - i s y, y' = c y - i s x
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply(Vector<double> c, Vector<double> s, ref Vector<double> xr, ref Vector<double> xi, ref Vector<double> yr,
            ref Vector<double> yi)
        {
            Vector<double> ar = xr, ai = xi, br = yr, bi = yi;
            xr = (c * ar) + (s * bi);
            xi = (c * ai) - (s * br);
            yr = (c * br) + (s * ai);
            yi = (c * bi) - (s * ar);
        }

        // P = X: μ = (ψy, ψx); Im(conj(λx) ψy) + Im(conj(λy) ψx)
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Generator(
            Vector<double> lxr, Vector<double> lxi, Vector<double> lyr, Vector<double> lyi,
            Vector<double> pxr, Vector<double> pxi, Vector<double> pyr, Vector<double> pyi) =>
            (lxr * pyi) - (lxi * pyr) + (lyr * pxi) - (lyi * pxr);
    }

    public struct Y : IPairRotation
    {
        // x' = c x - s y, y' = s x + c y
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply(Vector<double> c, Vector<double> s, ref Vector<double> xr, ref Vector<double> xi, ref Vector<double> yr,
            ref Vector<double> yi)
        {
            Vector<double> ar = xr, ai = xi, br = yr, bi = yi;
            xr = (c * ar) - (s * br);
            xi = (c * ai) - (s * bi);
            yr = (s * ar) + (c * br);
            yi = (s * ai) + (c * bi);
        }

        // P = Y: μ = (-i ψy, i ψx); Im(-i conj(λx) ψy) + Im(i conj(λy) ψx) = -Re(conj(λx) ψy) + Re(conj(λy) ψx)
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Generator(
            Vector<double> lxr, Vector<double> lxi, Vector<double> lyr, Vector<double> lyi,
            Vector<double> pxr, Vector<double> pxi, Vector<double> pyr, Vector<double> pyi) =>
            (lyr * pxr) + (lyi * pxi) - (lxr * pyr) - (lxi * pyi);
    }

    public struct Z : IPairRotation
    {
        // x' = (c - i s) x, y' = (c + i s) y
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Apply(Vector<double> c, Vector<double> s, ref Vector<double> xr, ref Vector<double> xi, ref Vector<double> yr,
            ref Vector<double> yi)
        {
            Vector<double> ar = xr, ai = xi, br = yr, bi = yi;
            xr = (c * ar) + (s * ai);
            xi = (c * ai) - (s * ar);
            yr = (c * br) - (s * bi);
            yi = (c * bi) + (s * br);
        }

        // P = Z: μ = (ψx, -ψy)
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Generator(
            Vector<double> lxr, Vector<double> lxi, Vector<double> lyr, Vector<double> lyi,
            Vector<double> pxr, Vector<double> pxi, Vector<double> pyr, Vector<double> pyi) =>
            (lxr * pxi) - (lxi * pxr) - (lyr * pyi) + (lyi * pyr);
    }
}
