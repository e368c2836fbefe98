namespace HybridQsharp.Host.Figures;

/// <summary>A test image with the true and the predicted class names; it is wrong when they differ.</summary>
public sealed record PredictedImage(ImagePixels Image, string TrueLabel, string PredictedLabel)
{
    public bool IsCorrect => string.Equals(TrueLabel, PredictedLabel, StringComparison.Ordinal);
}
