namespace HybridQsharp.Classical.Training;

/// <summary>A model's loss, metrics and confusion matrix (confusion[true][predicted]) on a split.</summary>
public sealed record EvaluationResult(double Loss, ClassificationMetrics Metrics, long[][] Confusion, int Samples)
{
    public double Accuracy => Metrics.Accuracy;
}
