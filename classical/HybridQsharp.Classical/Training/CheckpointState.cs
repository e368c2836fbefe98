using System.Text.Json;
using System.Text.Json.Serialization;
using HybridQsharp.Classical.Models;

namespace HybridQsharp.Classical.Training;

/// <summary>A run's progress for one model: where it stopped and what it measured so far.</summary>
public sealed record CheckpointState
{
    /// <summary>
    /// NaN and ±∞ are written as the strings "NaN", "Infinity", "-Infinity" (and read back), so a
    /// non-finite metric or the -∞ of "no best epoch yet" can never make a checkpoint write fail.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public required ModelKind Model { get; init; }

    /// <summary>Epochs completed (1-based count).</summary>
    public required int CompletedEpochs { get; init; }

    /// <summary>Optimiser steps taken (the schedule's position).</summary>
    public required long Steps { get; init; }

    public required double BestValidationAccuracy { get; init; }

    public required int BestEpoch { get; init; }

    public required IReadOnlyList<EpochMetrics> History { get; init; }

    /// <summary>Identity of the configuration, so a resume with different settings is refused.</summary>
    public required string Configuration { get; init; }
}
