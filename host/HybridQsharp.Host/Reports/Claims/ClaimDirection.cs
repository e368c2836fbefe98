namespace HybridQsharp.Host.Reports.Claims;

/// <summary>Which sign of a difference (first − second) the claim asserts.</summary>
public enum ClaimDirection
{
    /// <summary>The first is larger (e.g. hybrid − classical accuracy &gt; 0).</summary>
    Positive,

    /// <summary>The first is smaller (e.g. hybrid − classical memory &lt; 0).</summary>
    Negative,
}
