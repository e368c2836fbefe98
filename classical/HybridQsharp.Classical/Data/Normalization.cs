namespace HybridQsharp.Classical.Data;

/// <summary>torchvision's ToTensor + Normalize: (byte / 255 - mean) / std per channel.</summary>
public sealed record Normalization(float[] Mean, float[] Std)
{
    /// <summary>The affine map byte → normalised float for a channel, as (scale, shift).</summary>
    public (float Scale, float Shift) For(int channel) =>
        (1f / (255f * Std[channel]), -Mean[channel] / Std[channel]);
}
