using System.CommandLine;
using HybridQsharp.Classical.Models;
using HybridQsharp.Host.Experiments;
using HybridQsharp.Host.Inference;
using HybridQsharp.Host.Runs;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Cli;

/// <summary>`infer`: a trained hybrid's test samples through chosen backends, compared with the exact prediction.</summary>
public static class InferCommand
{
    public static Command Create(Option<string[]> settings)
    {
        var run = RunOption();
        var samples = SamplesOption(200);
        var backend = new Option<string>("--backend") { Description = "native (exact), qsharp (exact, Q# simulator) or qsharp-shots.",
            DefaultValueFactory = _ => "qsharp-shots" };
        backend.AcceptOnlyFromAmong("native", "qsharp", "qsharp-shots");
        var shots = new Option<int[]>("--shots") { Description = "Shots per sample; several values compare them.", DefaultValueFactory = _ => [1000],
            AllowMultipleArgumentsPerToken = true };
        shots.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int[]>()?.Any(s => s is < 1 or > 10_000_000) == true)
            {
                r.AddError("--shots takes values from 1 to 10,000,000.");
            }
        });
        var noise = new Option<double>("--noise") { Description = "Depolarising probability after each gate (X, Y, Z each p/3), e.g. 0.01." };
        noise.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1)
            {
                r.AddError("--noise is a probability in [0, 1].");
            }
        });
        var command = new Command("infer", "Run a trained hybrid's test samples on a backend and compare predictions with the exact ones.\n\n" +
            "Examples:\n  hybridq infer --run runs/mnist-paper --samples 200 --shots 100 1000 10000\n" +
            "  hybridq infer --run runs/mnist-paper --shots 1000 --noise 0.01\n  hybridq infer --run runs/mnist-paper --backend qsharp")
        {
            run, samples, backend, shots, noise,
        };
        command.SetAction((parse, ct) => VerbRunner.RunAsync(parse.GetValue(settings) ?? [], async (services, token) =>
        {
            var logger = services.GetRequiredService<ILogger<HybridInference>>();
            var loader = services.GetRequiredService<TrainedRunLoader>();
            var folder = new RunFolder(parse.GetValue(run)!);
            using var trained = await loader.LoadAsync(folder, ModelKind.Hybrid, token);
            var chosen = loader.TestSamples(trained, parse.GetValue(samples), token);
            var inference = new HybridInference(services.GetRequiredService<QsharpRuntime>());
            var exact = HybridInference.Exact(trained, chosen);
            var outcomes = new List<InferenceOutcome> { exact };
            switch (parse.GetValue(backend))
            {
                case "qsharp":
                    outcomes.Add(await inference.QsharpExactAsync(trained, chosen, token));
                    break;
                case "qsharp-shots":
                    var p = parse.GetValue(noise);
                    foreach (var s in parse.GetValue(shots)!)
                    {
                        logger.LogInformation("{Samples} samples x {Shots} shots on the Q# simulator{Noise}", chosen.Count, s,
                            p > 0 ? $" with {p:P1} depolarising noise" : string.Empty);
                        outcomes.Add(await inference.ShotsAsync(trained, chosen, s, p > 0 ? PauliNoise.Depolarizing(p) : null, token));
                    }

                    break;
            }

            Console.Out.WriteLine($"{"backend",-46} {"accuracy",9} {"agrees w/ exact",16} {"mean SE",9} {"max |dev|/SE",13}");
            foreach (var o in outcomes)
            {
                var meanSe = o.StandardErrors is null ? "–"
                    : o.StandardErrors.SelectMany(r => r).Average().ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
                var maxDeviation = o.StandardErrors is null ? "–"
                    : o.MaxDeviationInStandardErrors(exact).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
                Console.Out.WriteLine($"{o.Backend,-46} {o.Accuracy,9:P2} {o.AgreementWith(exact),16:P2} {meanSe,9} {maxDeviation,13}");
            }

            RunFolder.WriteJson(Path.Combine(folder.Path, "inference.json"), new
            {
                samples = chosen.Select(s => new { testSample = s.Index, s.Label, s.Features, s.Weights }),
                backends = outcomes.Select(o => new { o.Backend, o.Accuracy, agreement = o.AgreementWith(exact), o.Predictions }),
            });
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    public static Option<string> RunOption() => new("--run")
    {
        Description = "A run folder holding a trained hybrid (checkpoints/hybrid/best.ckpt).",
        Required = true,
    };

    public static Option<int> SamplesOption(int fallback)
    {
        var samples = new Option<int>("--samples") { Description = "Test samples to use.", DefaultValueFactory = _ => fallback };
        samples.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                r.AddError("--samples takes 1 to 100,000.");
            }
        });
        return samples;
    }
}
