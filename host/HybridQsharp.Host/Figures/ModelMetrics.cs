namespace HybridQsharp.Host.Figures;

/// <summary>Classification metrics of one model as fractions in [0, 1] (precision, recall, F1 macro-averaged).</summary>
public sealed record ModelMetrics(string Model, double Accuracy, double Precision, double Recall, double F1);
