namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>What each task of an array runs.</summary>
public abstract record SlurmJobCommand;

/// <summary>A batch script file, with arguments passed to it (sbatch's <c>script [args...]</c>).</summary>
public sealed record SlurmBatchScript(string ScriptPath, IReadOnlyList<string> Arguments) : SlurmJobCommand;

/// <summary>A command line that sbatch wraps in a <c>sh</c> script (<c>--wrap</c>); it is shell text by Slurm's definition.</summary>
public sealed record SlurmWrappedCommand(string ShellCommand) : SlurmJobCommand;
