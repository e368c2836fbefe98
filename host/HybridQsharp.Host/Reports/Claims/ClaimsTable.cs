using System.Net;
using System.Text;

namespace HybridQsharp.Host.Reports.Claims;

/// <summary>The claims as a markdown or HTML table: claim, the paper's figure, ours, verdict, why.</summary>
public static class ClaimsTable
{
    public static string Name(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Holds => "holds",
        ClaimVerdict.DoesNotHold => "does not hold",
        _ => "not tested here",
    };

    public static string Markdown(IReadOnlyList<Claim> claims)
    {
        var md = new StringBuilder();
        md.AppendLine("| claim | the paper | ours (mean, 95 % CI, n) | verdict | why |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var claim in claims)
        {
            md.AppendLine(string.Join(" | ",
                $"| {Cell(claim.Statement)}",
                Cell(claim.PaperFigure),
                claim.Ours.Count == 0 ? "–" : string.Join("<br>", claim.Ours.Select(o => Cell(o.ToString()))),
                $"**{Name(claim.Verdict)}**", Cell(claim.Reason) + " |"));
        }

        return md.ToString().TrimEnd();
    }

    public static string Html(IReadOnlyList<Claim> claims)
    {
        var h = new StringBuilder("<table><tr><th>claim</th><th>the paper</th><th>ours (mean, 95 % CI, n)</th><th>verdict</th><th>why</th></tr>");
        foreach (var claim in claims)
        {
            h.Append("<tr><td>").Append(WebUtility.HtmlEncode(claim.Statement))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(claim.PaperFigure))
                .Append("</td><td>")
                .Append(claim.Ours.Count == 0 ? "–" : string.Join("<br>", claim.Ours.Select(o => WebUtility.HtmlEncode(o.ToString()))))
                .Append("</td><td><b>").Append(Name(claim.Verdict))
                .Append("</b></td><td>").Append(WebUtility.HtmlEncode(claim.Reason)).AppendLine("</td></tr>");
        }

        return h.Append("</table>").ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
