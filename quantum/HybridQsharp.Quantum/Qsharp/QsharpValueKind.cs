namespace HybridQsharp.Quantum.Qsharp;

/// <summary>How a printed Q# value is built: see <see cref="QsharpValue"/>.</summary>
public enum QsharpValueKind
{
    Atom,
    Tuple,
    Array,
}
