namespace HybridQsharp.Host.Figures;

/// <summary>A sample image with its caption (normally the class name).</summary>
public sealed record LabeledImage(ImagePixels Image, string Caption);
