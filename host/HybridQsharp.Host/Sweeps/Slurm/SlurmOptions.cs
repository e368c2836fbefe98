using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace HybridQsharp.Host.Sweeps.Slurm;

/// <summary>How sweep cells are submitted to Slurm (configuration section <c>Slurm</c>).</summary>
public sealed partial class SlurmOptions : IValidatableObject
{
    public const string Section = "Slurm";

    /// <summary>The partition (<c>--partition</c>); empty: the cluster's default partition.</summary>
    public string? Partition { get; set; }

    /// <summary>Wall-clock limit of each array task (<c>--time</c>); empty: the partition's default.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan? TimeLimit { get; set; }

    /// <summary>CPUs per array task (<c>--cpus-per-task</c>).</summary>
    [Range(1, 4096)]
    public int CpusPerTask { get; set; } = 1;

    /// <summary>Memory per node of each task (<c>--mem</c>) in Slurm's notation, e.g. 4G or 500M; empty: the partition's default.</summary>
    public string? Memory { get; set; }

    /// <summary>At most this many tasks of one array run at once (<c>--array=...%N</c>); empty: no limit.</summary>
    [Range(1, 100_000)]
    public int? MaxConcurrentTasks { get; set; }

    /// <summary>More sbatch options, each one argument in <c>--name=value</c> form (e.g. <c>--qos=long</c>, <c>--account=lab</c>).</summary>
    public List<string> ExtraOptions { get; set; } = [];

    /// <summary>The slurm.conf the commands read (SLURM_CONF); empty: Slurm's own default.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>The folder holding sbatch, squeue and scancel; empty: found on PATH.</summary>
    public string? CommandsDirectory { get; set; }

    /// <summary>The longest one Slurm command may take (a controller that does not answer).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Options the client sets itself; taking them from configuration would break what it parses.</summary>
    internal static readonly string[] ReservedOptions =
    [
        "--array", "--parsable", "--wrap", "--job-name", "--output", "--error", "--chdir", "--partition", "--time",
        "--cpus-per-task", "--mem", "--wait", "--test-only",
    ];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Memory is { Length: > 0 } memory && !MemoryPattern().IsMatch(memory))
        {
            yield return new ValidationResult($"Slurm:Memory '{memory}' is not a Slurm size (a whole number with an optional K, M, G or T, e.g. 4G)",
                [nameof(Memory)]);
        }

        if (Partition is { Length: > 0 } partition && !NamePattern().IsMatch(partition))
        {
            yield return new ValidationResult($"Slurm:Partition '{partition}' is not a partition name", [nameof(Partition)]);
        }

        foreach (var option in ExtraOptions)
        {
            var name = option.Split('=', 2)[0];
            if (!ExtraOptionPattern().IsMatch(option))
            {
                yield return new ValidationResult($"Slurm:ExtraOptions '{option}' is not one --name or --name=value argument",
                    [nameof(ExtraOptions)]);
            }
            else if (ReservedOptions.Contains(name, StringComparer.Ordinal))
            {
                yield return new ValidationResult($"Slurm:ExtraOptions '{option}' sets {name}, which the sweep sets itself", [nameof(ExtraOptions)]);
            }
        }

        if (ConfigFile is { Length: > 0 } config && !File.Exists(config))
        {
            yield return new ValidationResult($"Slurm:ConfigFile '{config}' does not exist", [nameof(ConfigFile)]);
        }

        if (CommandsDirectory is { Length: > 0 } commands && !Directory.Exists(commands))
        {
            yield return new ValidationResult($"Slurm:CommandsDirectory '{commands}' does not exist", [nameof(CommandsDirectory)]);
        }
    }

    [GeneratedRegex(@"^[0-9]+[KMGT]?$")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^--[a-z][a-z0-9\-]*(=\S.*)?$")]
    private static partial Regex ExtraOptionPattern();
}
