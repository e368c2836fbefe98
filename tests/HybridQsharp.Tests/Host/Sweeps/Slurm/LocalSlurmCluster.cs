using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HybridQsharp.Tests.Host.Sweeps.Slurm;

/// <summary>
/// The real single-node Slurm of tests/slurm/local-cluster.sh, shared by the Slurm tests. It is started through
/// the script when it is not running (and then stopped again at the end); where the script says it cannot run here
/// (exit 3: not root, no apt-get) the tests skip with its reason, and a cluster that fails to start fails them.
/// </summary>
public sealed partial class LocalSlurmCluster : IAsyncLifetime
{
    private const int CannotRunHere = 3;
    private string? _script;
    private bool _startedHere;
    private string? _skipReason;
    private string? _failure;

    /// <summary>The cluster's slurm.conf, for <c>Slurm:ConfigFile</c>.</summary>
    public string ConfigFile { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _script = FindScript();
        if (_script is null)
        {
            _skipReason = $"tests/slurm/local-cluster.sh was not found above {AppContext.BaseDirectory}";
            return;
        }

        var status = await RunScriptAsync("status", TimeSpan.FromMinutes(1));
        var outcome = status.ExitCode == 0 ? status : await RunScriptAsync("up", TimeSpan.FromMinutes(15));
        _startedHere = status.ExitCode != 0 && outcome.ExitCode == 0;
        if (outcome.ExitCode == CannotRunHere)
        {
            _skipReason = $"no local Slurm cluster: {outcome.Errors.Trim()}";
        }
        else if (outcome.ExitCode != 0)
        {
            _failure = $"tests/slurm/local-cluster.sh up failed (exit {outcome.ExitCode}): {outcome.Errors.Trim()} {outcome.Output.Trim()}";
        }
        else
        {
            var match = ConfigPattern().Match(outcome.Output);
            if (match.Success)
            {
                ConfigFile = match.Groups[1].Value;
            }
            else
            {
                _failure = $"tests/slurm/local-cluster.sh named no SLURM_CONF: {outcome.Output.Trim()}";
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_startedHere)
        {
            await RunScriptAsync("down", TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>Skips the calling test when the cluster cannot run here; fails it when the cluster is broken.</summary>
    public void Require()
    {
        Skip.If(_skipReason is not null, _skipReason);
        if (_failure is not null)
        {
            Assert.Fail(_failure);
        }
    }

    private static string? FindScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "tests", "slurm", "local-cluster.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunScriptAsync(string verb, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_script!);
        start.ArgumentList.Add(verb);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await output, $"local-cluster.sh {verb} did not finish within {timeout}");
        }

        return (process.ExitCode, await output, await errors);
    }

    [GeneratedRegex(@"SLURM_CONF=(\S+)")]
    private static partial Regex ConfigPattern();
}

[CollectionDefinition(Name)]
public sealed class LocalSlurmCollection : ICollectionFixture<LocalSlurmCluster>
{
    public const string Name = "local Slurm cluster";
}
