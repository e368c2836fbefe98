namespace HybridQsharp.Host.Figures;

/// <summary>One image of a grid with its caption; marked cells get a red caption and frame.</summary>
internal sealed record ImageGridCell(ImagePixels Image, string Caption, bool Marked);
