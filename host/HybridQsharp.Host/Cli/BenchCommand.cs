using System.CommandLine;
using System.Text.Json;
using HybridQsharp.Host.Benchmarks;
using Microsoft.Extensions.DependencyInjection;

namespace HybridQsharp.Host.Cli;

/// <summary>`bench quantum`: measured performance, human-readable or as one JSON object.</summary>
public static class BenchCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout (logs still go to stderr)." };
        var qubits = new Option<int[]>("--qubits")
        {
            Description = "Register sizes for the scaling rows (angle encoding + BasicEntanglerLayers(2)).",
            DefaultValueFactory = _ => [8, 12, 16, 20],
            AllowMultipleArgumentsPerToken = true,
        };
        qubits.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int[]>()?.Any(q => q is < 1 or > 24) == true)
            {
                r.AddError("--qubits takes sizes from 1 to 24.");
            }
        });
        var budget = new Option<double>("--seconds") { Description = "Time budget per measurement (repeats until spent; the median is reported).",
            DefaultValueFactory = _ => 2.0 };
        budget.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 600)
            {
                r.AddError("--seconds must lie in (0, 600].");
            }
        });

        var quantum = new Command("quantum", "Native state-vector simulator vs the Q# simulator: throughput, agreement, backward cost.\n\n" +
            "Examples:\n  hybridq bench quantum\n  hybridq bench quantum --json --qubits 8 12")
        {
            json, qubits, budget,
        };
        quantum.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var benchmark = ActivatorUtilities.CreateInstance<QuantumBenchmark>(services);
            var result = await benchmark.RunAsync(
                new QuantumBenchmarkOptions(parse.GetValue(qubits)!, [64, 3000], TimeSpan.FromSeconds(parse.GetValue(budget))), token);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                WriteTable(result);
            }

            return ExitCodes.Success;
        }, ct));

        var training = new Command("training", "The paper's MNIST training step for hybrid, twin and classical in interleaved rounds: " +
            "per-batch time split into data, forward, backward, optimiser and the quantum layer's encoding and circuit, " +
            "projected to the 750-batch epoch.\n\nExamples:\n  hybridq bench training\n  hybridq bench training --json --batches 60")
        {
            json,
        };
        var batches = new Option<int>("--batches")
            { Description = "Batches timed per model (after the warm-up batches); the median is projected to 750.", DefaultValueFactory = _ => 40 };
        batches.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 750)
            {
                r.AddError("--batches takes 1 to 750.");
            }
        });
        var warmUp = new Option<int>("--warm-up")
        {
            Description = "Untimed batches per model first (as many as the PyTorch peer's: the JIT's optimised code and the allocator's " +
                "heap are in place before timing starts).",
            DefaultValueFactory = _ => 20,
        };
        warmUp.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 200)
            {
                r.AddError("--warm-up takes 0 to 200.");
            }
        });
        var gradient =
            new Option<string>("--gradient") { Description = "parameter-shift (default) or adjoint.", DefaultValueFactory = _ => "parameter-shift" };
        gradient.AcceptOnlyFromAmong("parameter-shift", "adjoint");
        var rounds = new Option<int>("--rounds")
            { Description = "Interleaved rounds the timed batches are split into (the models take turns each round).", DefaultValueFactory = _ => 5 };
        rounds.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--rounds must be at least 1.");
            }
        });
        training.Options.Add(batches);
        training.Options.Add(warmUp);
        training.Options.Add(gradient);
        training.Options.Add(rounds);
        training.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var result = await ActivatorUtilities.CreateInstance<TrainingBenchmark>(services)
                .RunAsync(parse.GetValue(batches), parse.GetValue(warmUp), parse.GetValue(gradient)!, parse.GetValue(rounds), token);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                foreach (var m in result.Models)
                {
                    Console.Out.WriteLine($"{m.Model,-10} {m.BatchMillisecondsMedian,8:F1} ms/batch (min {m.BatchMillisecondsMin:F1}, " +
                        $"max {m.BatchMillisecondsMax:F1})  data {m.DataMillisecondsMedian,6:F2} ms  quantum {m.QuantumMillisecondsMedian,6:F2} ms " +
                        $"(encoding {m.EncodingMillisecondsMedian:F2}, circuit forward {m.CircuitForwardMillisecondsMedian:F2}, " +
                        $"backward {m.CircuitBackwardMillisecondsMedian:F2})  -> {m.EpochSeconds,6:F1} s/epoch");
                }

                Console.Out.WriteLine($"hybrid / twin {result.HybridTwinRatio:F3} (paired by round {result.HybridTwinRatioPaired:F3}), " +
                    $"hybrid / classical {result.HybridClassicalRatio:F3} " +
                    $"({result.Gradient}); quantum layer alone {result.QuantumLayerAloneMilliseconds:F3} ms");
            }

            return ExitCodes.Success;
        }, ct));

        return new Command("bench", "Measure performance.") { quantum, training };
    }

    private static void WriteTable(QuantumBenchmarkResult result)
    {
        Console.Out.WriteLine($"{"circuit",-50} {"batch",6} {"native/s",12} {"Q#/s",10} {"speedup",8}");
        foreach (var circuit in new[] { result.Paper }.Concat(result.Scaling))
        {
            foreach (var b in circuit.Batches)
            {
                Console.Out.WriteLine(
                    $"{circuit.Circuit,-50} {b.Batch,6} {b.NativeCircuitsPerSecond,12:N0} {b.QsharpCircuitsPerSecond,10:N0} {b.Speedup,7:N0}x");
            }

            Console.Out.WriteLine($"{"",-50} max |native - Q#| {circuit.MaxAbsDiff:E2}; backward batch 64: " +
                $"parameter-shift {circuit.ParameterShiftBackwardMsBatch64:N2} ms, adjoint {circuit.AdjointBackwardMsBatch64:N2} ms, " +
                $"adjoint VJP {circuit.AdjointVectorJacobianProductMsBatch64:N2} ms");
            Console.Out.WriteLine($"{"",-50} {circuit.Layout}, {circuit.ForwardPasses} passes per run; " +
                $"roofline fraction forward {circuit.RooflineFraction:P0}, adjoint VJP {circuit.RooflineFractionAdjointVectorJacobianProduct:P0}");
        }

        foreach (var cost in result.QsharpRuntime)
        {
            Console.Out.WriteLine($"Q# runtime, exact, batch {cost.Batch,5}: {cost.RequestMilliseconds,9:N1} ms per request, " +
                $"{cost.PerCircuitMicroseconds,9:N1} us per circuit");
        }
    }
}
