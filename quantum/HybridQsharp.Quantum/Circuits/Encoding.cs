namespace HybridQsharp.Quantum.Circuits;

/// <summary>How classical features enter the circuit.</summary>
public enum Encoding
{
    /// <summary>Amplitude encoding by a uniformly controlled RY tree: 2ⁿ - 1 tree angles for 2ⁿ amplitudes.</summary>
    Amplitude,

    /// <summary>One RY angle per qubit.</summary>
    Angle,
}
