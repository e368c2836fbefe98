using System.Globalization;
using System.Text;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training;

namespace HybridQsharp.Host.Runs;

/// <summary>metrics.csv (one row per model and epoch) and metrics.json (history, test results, parameters).</summary>
public static class MetricsFiles
{
    public static void Write(RunFolder run, ExperimentSummary summary)
    {
        RunFolder.WriteText(run.MetricsCsv, Csv(summary.Models.SelectMany(m => m.History)));
        RunFolder.WriteJson(run.MetricsJson, summary);
    }

    public static string Csv(IEnumerable<EpochMetrics> rows)
    {
        var builder = new StringBuilder(
            "model,epoch,train_loss,train_accuracy,val_loss,val_accuracy,precision,recall,f1,robustness," +
            "epoch_s,data_s,compute_s,quantum_s,evaluation_s,cpu_s,peak_working_set_mb,learning_rate\n");
        foreach (var m in rows)
        {
            builder.AppendLine(string.Join(',',
                m.Model.Key(), I(m.Epoch), I(m.TrainLoss), I(m.TrainAccuracy), I(m.ValidationLoss), I(m.ValidationAccuracy), I(m.Precision),
                I(m.Recall), I(m.F1),
                m.Robustness is { } r ? I(r) : string.Empty, I(m.EpochSeconds), I(m.DataSeconds), I(m.ComputeSeconds), I(m.QuantumSeconds),
                I(m.EvaluationSeconds),
                I(m.CpuSeconds), I(m.PeakWorkingSetBytes / (1024.0 * 1024.0)), I(m.LearningRate)));
        }

        return builder.ToString();
    }

    private static string I(double value) => value.ToString("G9", CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
