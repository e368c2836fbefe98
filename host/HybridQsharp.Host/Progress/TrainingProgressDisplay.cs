using System.Diagnostics;
using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Training;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Progress;

/// <summary>
/// Shows training progress: a live one-line bar on an interactive terminal (redrawn at most ten
/// times a second), or a plain log line every <c>logEvery</c> batches when output is redirected
/// (CI, files), so logs stay readable.
/// </summary>
public sealed class TrainingProgressDisplay(ILogger logger, bool interactive, int logEvery) : IProgress<TrainingProgress>
{
    private const int BarWidth = 28;
    private long _lastDraw;

    public static TrainingProgressDisplay ForConsole(ILogger logger, int logEvery) =>
        new(logger, !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null, logEvery);

    public void Report(TrainingProgress value)
    {
        var last = value.Batch == value.Batches;
        if (interactive)
        {
            var now = Stopwatch.GetTimestamp();
            if (!last && Stopwatch.GetElapsedTime(_lastDraw, now).TotalMilliseconds < 100)
            {
                return;
            }

            _lastDraw = now;
            var filled = (int)Math.Round(BarWidth * (double)value.Batch / value.Batches);
            var line = $"\r{value.Model.Key(),-9} epoch {value.Epoch}/{value.Epochs} " +
                $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {value.Batch}/{value.Batches} " +
                       $"{value.SamplesPerSecond,7:F0} img/s  ETA {value.EpochRemaining:mm\\:ss}  loss {value.Loss:F4}  acc {value.Accuracy:P1} ";
            Console.Error.Write(line);
            if (last)
            {
                Console.Error.WriteLine();
            }
        }
        else if (value.Batch % logEvery == 0 || last)
        {
            logger.LogInformation(
                "{Model} epoch {Epoch}/{Epochs} batch {Batch}/{Batches}: {Rate:F0} img/s, ETA {Eta:mm\\:ss}, loss {Loss:F4}, acc {Accuracy:P1}",
                value.Model.Key(), value.Epoch, value.Epochs, value.Batch, value.Batches, value.SamplesPerSecond, value.EpochRemaining, value.Loss,
                value.Accuracy);
        }
    }
}
