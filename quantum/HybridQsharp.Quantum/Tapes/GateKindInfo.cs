namespace HybridQsharp.Quantum.Tapes;

/// <summary>Facts about gate kinds: arity, whether they rotate, their QIR names.</summary>
public static class GateKindInfo
{
    private static readonly Dictionary<string, GateKind> ByQirName = new(StringComparer.Ordinal)
    {
        ["rx"] = GateKind.Rx, ["ry"] = GateKind.Ry, ["rz"] = GateKind.Rz,
        ["rxx"] = GateKind.Rxx, ["ryy"] = GateKind.Ryy, ["rzz"] = GateKind.Rzz,
        ["h"] = GateKind.H, ["s"] = GateKind.S, ["s_adj"] = GateKind.SAdj, ["t"] = GateKind.T, ["t_adj"] = GateKind.TAdj,
        ["x"] = GateKind.X, ["y"] = GateKind.Y, ["z"] = GateKind.Z,
        ["cx"] = GateKind.CX, ["cnot"] = GateKind.CX, ["cy"] = GateKind.CY, ["cz"] = GateKind.CZ, ["ccx"] = GateKind.CCX, ["swap"] = GateKind.Swap,
    };

    public static bool TryParseQirName(string name, out GateKind kind) => ByQirName.TryGetValue(name, out kind);

    /// <summary>Rotations exp(-iθP/2) for a Pauli word P: the gates whose angle is a circuit parameter.</summary>
    public static bool IsRotation(this GateKind kind) => kind <= GateKind.Rzz;

    public static int QubitCount(this GateKind kind) => kind switch
    {
        GateKind.Rxx or GateKind.Ryy or GateKind.Rzz or GateKind.CX or GateKind.CY or GateKind.CZ or GateKind.Swap => 2,
        GateKind.CCX => 3,
        _ => 1,
    };

    /// <summary>The name of the Q# callable that applies the gate (used to emit tapes as Q#).</summary>
    public static string QsharpName(this GateKind kind) => kind switch
    {
        GateKind.Rx => "Rx", GateKind.Ry => "Ry", GateKind.Rz => "Rz",
        GateKind.Rxx => "Rxx", GateKind.Ryy => "Ryy", GateKind.Rzz => "Rzz",
        GateKind.H => "H", GateKind.S => "S", GateKind.SAdj => "Adjoint S", GateKind.T => "T", GateKind.TAdj => "Adjoint T",
        GateKind.X => "X", GateKind.Y => "Y", GateKind.Z => "Z",
        GateKind.CX => "CNOT", GateKind.CY => "CY", GateKind.CZ => "CZ", GateKind.CCX => "CCNOT", GateKind.Swap => "SWAP",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
