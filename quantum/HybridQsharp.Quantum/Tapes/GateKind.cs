namespace HybridQsharp.Quantum.Tapes;

/// <summary>The gates of the QIR base profile's quantum instruction set (__quantum__qis__*).</summary>
public enum GateKind
{
    Rx,
    Ry,
    Rz,
    Rxx,
    Ryy,
    Rzz,
    H,
    S,
    SAdj,
    T,
    TAdj,
    X,
    Y,
    Z,
    CX,
    CY,
    CZ,
    CCX,
    Swap,
}
