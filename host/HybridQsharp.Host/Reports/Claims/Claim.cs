namespace HybridQsharp.Host.Reports.Claims;

/// <summary>
/// One claim of the paper's abstract held against our measurements: the claim, the paper's own figure, our estimate
/// (means with 95 % intervals and n), the verdict and why. Rendered into tables; never assembled as prose.
/// </summary>
/// <param name="Id">A stable key (e.g. "accuracy-mnist", "robustness-mnist-paper").</param>
/// <param name="Statement">The claim in a sentence.</param>
/// <param name="PaperFigure">What the paper reports for it.</param>
/// <param name="Ours">Our numbers; empty when not tested here.</param>
public sealed record Claim(string Id, string Statement, string PaperFigure, IReadOnlyList<Estimate> Ours, ClaimVerdict Verdict, string Reason);
