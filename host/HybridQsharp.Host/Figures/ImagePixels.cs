namespace HybridQsharp.Host.Figures;

/// <summary>An 8-bit image stored channel-major (CHW) with 1 (grey) or 3 (RGB) channels.</summary>
public sealed record ImagePixels(byte[] Chw, int Channels, int Height, int Width)
{
    /// <summary>Throws <see cref="FigureInputException"/> unless the shape matches the data.</summary>
    public void Validate()
    {
        if (Channels is not (1 or 3) || Height < 1 || Width < 1 || Chw.Length != Channels * Height * Width)
        {
            throw new FigureInputException(
                $"An image of {Channels} x {Height} x {Width} (CHW) needs 1 or 3 channels and {Channels * Height * Width} bytes; " +
                $"it has {Chw.Length}.");
        }
    }
}
