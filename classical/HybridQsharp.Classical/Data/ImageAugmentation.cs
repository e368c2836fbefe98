namespace HybridQsharp.Classical.Data;

/// <summary>
/// The paper's train-time augmentations, applied to a uint8 image while converting it to
/// normalised floats: torchvision's RandomAffine (angle uniform in ±degrees about the image
/// centre, translation rounded to whole pixels up to translate × size, nearest neighbour, fill 0),
/// RandomHorizontalFlip (p = 0.5) and RandomCrop with zero padding.
/// </summary>
public sealed record ImageAugmentation(double Degrees = 0, double Translate = 0, bool Flip = false, int CropPadding = 0)
{
    public static ImageAugmentation None { get; } = new();

    public bool IsIdentity => Degrees == 0 && Translate == 0 && !Flip && CropPadding == 0;

    /// <summary>Writes the augmented, normalised image (C × H × W) into <paramref name="destination"/>.</summary>
    public void Apply(ReadOnlySpan<byte> source, Span<float> destination, int channels, int height, int width, Normalization normalization,
        ref SplitMix64 random)
    {
        // Draw every random choice first, in a fixed order, so the result depends only on the seed.
        var angle = Degrees > 0 ? ((random.NextDouble() * 2) - 1) * Degrees * Math.PI / 180 : 0;
        var tx = Translate > 0 ? Math.Round(((random.NextDouble() * 2) - 1) * Translate * width) : 0;
        var ty = Translate > 0 ? Math.Round(((random.NextDouble() * 2) - 1) * Translate * height) : 0;
        var flip = Flip && random.NextDouble() < 0.5;
        var dx = CropPadding > 0 ? random.NextInt(2 * CropPadding + 1) - CropPadding : 0;
        var dy = CropPadding > 0 ? random.NextInt(2 * CropPadding + 1) - CropPadding : 0;
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var (cx, cy) = ((width - 1) * 0.5, (height - 1) * 0.5);
        var affine = angle != 0 || tx != 0 || ty != 0;

        for (var c = 0; c < channels; c++)
        {
            var plane = source.Slice(c * height * width, height * width);
            var output = destination.Slice(c * height * width, height * width);
            var (scale, shift) = normalization.For(c);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    // Crop then flip map the output pixel back to the padded source; the affine
                    // map is inverted (output → source) and rounded to the nearest pixel.
                    var sx = (flip ? width - 1 - x : x) + dx;
                    var sy = y + dy;
                    if (affine)
                    {
                        var (ox, oy) = (sx - cx - tx, sy - cy - ty);
                        sx = (int)Math.Round((cos * ox) + (sin * oy) + cx);
                        sy = (int)Math.Round((-sin * ox) + (cos * oy) + cy);
                    }

                    var value = (uint)sx < (uint)width && (uint)sy < (uint)height ? plane[(sy * width) + sx] : (byte)0;
                    output[(y * width) + x] = (value * scale) + shift;
                }
            }
        }
    }
}
