namespace HybridQsharp.Host.Runs;

/// <summary>The names presets go by on the command line, in folder names and in reports.</summary>
public static class Presets
{
    public static string Key(this Preset preset) => preset switch
    {
        Preset.Quick => "quick",
        Preset.Paper => "paper",
        Preset.Full => "full",
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
    };

    /// <summary>The presets a user may choose (quick, paper), by key.</summary>
    public static IReadOnlyDictionary<string, Preset> Selectable { get; } =
        new Dictionary<string, Preset>(StringComparer.OrdinalIgnoreCase) { ["quick"] = Preset.Quick, ["paper"] = Preset.Paper };
}
