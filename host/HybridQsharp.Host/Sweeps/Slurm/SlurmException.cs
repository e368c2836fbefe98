namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>A Slurm command failed; the message is one line naming the command and Slurm's own words.</summary>
public class SlurmException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The Slurm commands are not installed or not found where configured.</summary>
public sealed class SlurmUnavailableException(string message, Exception? inner = null) : SlurmException(message, inner);
