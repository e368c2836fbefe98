using System.Text.Json.Serialization;

namespace HybridQsharp.Classical.Training.Attacks;

/// <summary>What an "ε = 0.1 PGD" means: in which space ε is measured and where images are clamped to [0, 1].</summary>
/// <remarks>Metrics files name them as <see cref="AttackSemanticsNames"/> does.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<AttackSemantics>))]
public enum AttackSemantics
{
    /// <summary>
    /// L∞ PGD with ε in pixel units of the [0, 1] image; the adversarial image stays in [0, 1] in pixel space and
    /// is normalised before the model. The threat model of Madry et al. (2018) as usually reported.
    /// </summary>
    [JsonStringEnumMemberName("sound")]
    Sound,

    /// <summary>
    /// The paper's code: torchattacks' PGD applied to the normalised tensors of its data loader, so ε is in
    /// normalised units (MNIST: ε = 0.1 is 0.031 in pixels) and its clamps to [0, 1] act on normalised values
    /// (MNIST's background, −0.42 normalised, becomes 0; strokes up to 2.82 become 1).
    /// </summary>
    [JsonStringEnumMemberName("paper")]
    Paper,

    /// <summary>No perturbation: the normalised images clamped to [0, 1] as the paper's attack clamps them, which
    /// separates the effect of that clamp from the effect of the attack.</summary>
    [JsonStringEnumMemberName("clamp-only")]
    ClampOnly,

    /// <summary>
    /// PGD in normalised units without any clamp: what HybridQsharp ran before the semantics were stated (the PGD
    /// numbers in docs/results.md); kept so those runs can be reproduced.
    /// </summary>
    [JsonStringEnumMemberName("normalised-unclamped")]
    NormalisedUnclamped,
}
