namespace HybridQsharp.Host.Circuits.Checks;

/// <summary>
/// One parameter in the tape's affine map: how many rotation angles it enters and the range of
/// its coefficients there (θ_g = c_g + Σ_k a_gk p_k; a controlled rotation's halves give ±1/2).
/// </summary>
public sealed record ParameterUse(string Name, int Gates, double MinCoefficient, double MaxCoefficient);
