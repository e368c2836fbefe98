namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>What a Slurm command printed and how it exited.</summary>
internal sealed record SlurmCommandResult(int ExitCode, string Output, string Errors)
{
    /// <summary>stderr as one line: Slurm writes one message per line, which a log or a terminal shows best joined.</summary>
    public string ErrorLine
    {
        get
        {
            var line = string.Join("; ", Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return line.Length == 0 ? "no message on stderr" : line.Length > 600 ? line[..600] + "..." : line;
        }
    }
}
