namespace HybridQsharp.Classical.Training;

/// <summary>
/// Accuracy and macro-averaged precision, recall and F1 from a confusion matrix, as
/// scikit-learn computes them with zero_division=0 (a class never predicted has precision 0).
/// </summary>
public sealed record ClassificationMetrics(double Accuracy, double Precision, double Recall, double F1)
{
    /// <param name="confusion">confusion[true, predicted] counts.</param>
    public static ClassificationMetrics FromConfusion(long[,] confusion)
    {
        var classes = confusion.GetLength(0);
        long total = 0, correct = 0;
        double precision = 0, recall = 0, f1 = 0;
        for (var c = 0; c < classes; c++)
        {
            long predicted = 0, actual = 0;
            for (var k = 0; k < classes; k++)
            {
                predicted += confusion[k, c];
                actual += confusion[c, k];
                total += confusion[c, k];
            }

            correct += confusion[c, c];
            var p = predicted == 0 ? 0 : (double)confusion[c, c] / predicted;
            var r = actual == 0 ? 0 : (double)confusion[c, c] / actual;
            precision += p;
            recall += r;
            f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        return new ClassificationMetrics(total == 0 ? 0 : (double)correct / total, precision / classes, recall / classes, f1 / classes);
    }
}
