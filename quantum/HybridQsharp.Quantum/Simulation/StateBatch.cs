using System.Numerics;

namespace HybridQsharp.Quantum.Simulation;

/// <summary>
/// The states of <see cref="Lanes"/> circuits of the same tape side by side: amplitude a of
/// lane l sits at [a * Lanes + l]. A gate then updates whole rows of lanes with SIMD, so
/// its dispatch and loop overhead is paid once for all lanes: the layout for small registers,
/// where one state is too short to vectorise and per-gate overhead would dominate.
/// </summary>
public sealed class StateBatch
{
    public StateBatch(int qubits, int lanes)
    {
        if (lanes < Vector<double>.Count || lanes % Vector<double>.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lanes), lanes, $"Lanes must be a positive multiple of {Vector<double>.Count}.");
        }

        Qubits = qubits;
        Lanes = lanes;
        Re = new double[(1 << qubits) * lanes];
        Im = new double[(1 << qubits) * lanes];
    }

    public int Qubits { get; }

    public int Lanes { get; }

    public int Dimension => 1 << Qubits;

    public double[] Re { get; }

    public double[] Im { get; }

    public int BitOf(int qubit) => Qubits - 1 - qubit;

    public void SetZero()
    {
        Array.Clear(Re);
        Array.Clear(Im);
        Re.AsSpan(0, Lanes).Fill(1);
    }

    /// <summary>The largest lane count (at most 64) for which one batch's amplitudes stay within about 64 KB per part.</summary>
    public static int LanesFor(int qubits)
    {
        var lanes = Math.Min(64, 4096 >> Math.Min(qubits, 12));
        return Math.Max(Vector<double>.Count, lanes / Vector<double>.Count * Vector<double>.Count);
    }
}
