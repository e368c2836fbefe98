namespace HybridQsharp.Host.Inference;

/// <summary>Predictions of one backend for the samples: ⟨Z_i⟩ per sample, their standard errors when sampled, predictions, accuracy.</summary>
public sealed record InferenceOutcome(string Backend, double[][] Expectations, double[][]? StandardErrors, int[] Predictions, double Accuracy)
{
    /// <summary>Fraction of samples on which this backend predicts what <paramref name="reference"/> predicts.</summary>
    public double AgreementWith(InferenceOutcome reference) =>
        Predictions.Zip(reference.Predictions).Count(p => p.First == p.Second) / (double)Math.Max(1, Predictions.Length);

    /// <summary>Largest |⟨Z⟩ - reference ⟨Z⟩| in units of this outcome's standard error.</summary>
    public double MaxDeviationInStandardErrors(InferenceOutcome reference) => StandardErrors is null
        ? 0
        : Expectations.SelectMany((z, s) => z.Select((v, q) => Math.Abs(v - reference.Expectations[s][q]) / Math.Max(StandardErrors[s][q], 1e-12)))
            .DefaultIfEmpty().Max();
}
