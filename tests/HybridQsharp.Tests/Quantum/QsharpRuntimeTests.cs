using System.Diagnostics;
using HybridQsharp.Quantum.Circuits;
using HybridQsharp.Quantum.Qsharp;
using Microsoft.Extensions.Options;

namespace HybridQsharp.Tests.Quantum;

[Collection(QsharpCollection.Name)]
public sealed class QsharpRuntimeTests(QsharpRuntimeFixture fixture)
{
    private const string SyntaxError = """
        namespace User {
            operation Broken(qs : Qubit[]) : Unit {
                let x = 1
            }
        }
        """;

    private const string TypeError = """
        namespace User {
            operation Broken(qs : Qubit[]) : Unit {
                let x : Int = 1.0;
                H(qs[0]);
            }
        }
        """;

    [Fact]
    public async Task ReportsTheQsharpLangVersionPinnedByTheLockFile()
    {
        var version = await fixture.Runtime.StartAsync();
        Assert.Equal("1.32.5-dev", version);
    }

    [Theory]
    [InlineData(SyntaxError, 4, "syntax error")]
    [InlineData(TypeError, 3, "type error")]
    public async Task CompileErrorsNameTheFileAndLine(string source, int line, string message)
    {
        var program = new QsharpProgram([new QsharpSource("user/Broken.qs", source)]);

        var diagnostics = await fixture.Runtime.CheckAsync(program);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("user/Broken.qs", diagnostic.File);
        Assert.Equal(line, diagnostic.Line);
        Assert.Contains(message, diagnostic.Message);

        var thrown = await Assert.ThrowsAsync<QsharpCompilationException>(() =>
            fixture.Runtime.ExpectationsAsync(program, "User.Broken", 1, [[]]));
        Assert.Contains($"user/Broken.qs:{line}:", thrown.Message);
    }

    [Fact]
    public async Task TheBuiltInProgramCompilesWithoutDiagnostics()
    {
        Assert.Empty(await fixture.Runtime.CheckAsync(QsharpProgram.BuiltIn(includeTests: true)));
    }

    [Fact]
    public async Task AFailedFactAtRunTimeIsAnExecutionError()
    {
        var circuit = BuiltInClassifiers.Paper();
        var thrown = await Assert.ThrowsAsync<QsharpExecutionException>(() =>
            fixture.Runtime.ExpectationsAsync(circuit.Program, circuit.Operation, 4, [[[0.1, 0.2], new double[8]]]));
        Assert.Contains("needs 15 angles, got 2", thrown.Message);
    }

    [Fact]
    public async Task ANewProcessServesTheRequestAfterTheOldOneIsKilled()
    {
        await using var runtime = new QsharpRuntime(Options.Create(new QsharpRuntimeOptions()));
        var circuit = BuiltInClassifiers.Create(Encoding.Angle, Ansatz.BasicEntangler, 2, 1);
        double[][] arguments = [[0.3, 0.4], [0.5, 0.6]];
        var before = await runtime.ExpectationsAsync(circuit.Program, circuit.Operation, 2, [arguments]);
        var pid = runtime.ProcessId!.Value;

        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        var after = await runtime.ExpectationsAsync(circuit.Program, circuit.Operation, 2, [arguments]);
        Assert.NotEqual(pid, runtime.ProcessId);
        Assert.Equal(before.Expectations[0], after.Expectations[0]);
    }

    [Fact]
    public async Task AProcessThatDiesMidRequestIsReportedAndReplaced()
    {
        await using var runtime = new QsharpRuntime(Options.Create(new QsharpRuntimeOptions()));
        await runtime.StartAsync();
        var circuit = BuiltInClassifiers.Paper();
        var pid = runtime.ProcessId!.Value;

        // A sampling request long enough (millions of shots) to be in flight when the process is killed.
        var request = runtime.SampleAsync(circuit.Program, circuit.Operation, 4, [circuit.Arguments(new double[23])], shots: 5_000_000);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Process.GetProcessById(pid).Kill();

        var died = await Assert.ThrowsAsync<QsharpRuntimeUnavailableException>(() => request);
        Assert.Contains("exited", died.Message);
        Assert.Equal("1.32.5-dev", await runtime.StartAsync());
        Assert.NotEqual(pid, runtime.ProcessId);
    }

    [Fact]
    public async Task ACancelledRequestKillsTheProcessAtOnce()
    {
        await using var runtime = new QsharpRuntime(Options.Create(new QsharpRuntimeOptions()));
        await runtime.StartAsync();
        var pid = runtime.ProcessId!.Value;
        var circuit = BuiltInClassifiers.Paper();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        // Millions of shots: still computing when cancelled, so it reads no input and only a kill stops it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runtime.SampleAsync(circuit.Program, circuit.Operation, 4, [circuit.Arguments(new double[23])], shots: 5_000_000,
                cancellationToken: cancellation.Token));

        Assert.Null(runtime.ProcessId);
        Assert.False(IsRunning(pid), $"node {pid} still runs after the cancelled request returned");
    }

    [Fact]
    public async Task MissingNodeSaysWhatToInstall()
    {
        await using var runtime = new QsharpRuntime(Options.Create(new QsharpRuntimeOptions { NodePath = "/nonexistent/node" }));
        var thrown = await Assert.ThrowsAsync<QsharpRuntimeUnavailableException>(() => runtime.StartAsync());
        Assert.Contains("Install Node.js 20 or newer", thrown.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/bin/true", "exited with exit code 0 before the Q# runtime was ready")]
    [InlineData("/bin/ls", "not the runtime's ready line")]
    [InlineData("/bin/cat", "not the runtime's ready line")]
    public async Task ANodePathThatIsNotNodeSaysSo(string program, string expected)
    {
        await using var runtime = new QsharpRuntime(Options.Create(new QsharpRuntimeOptions { NodePath = program }));

        var thrown = await Assert.ThrowsAsync<QsharpRuntimeUnavailableException>(() => runtime.StartAsync());

        Assert.Contains($"'{program}' (Qsharp:NodePath)", thrown.Message);
        Assert.Contains(expected, thrown.Message);
        Assert.Null(runtime.ProcessId);
    }

    [Fact]
    public async Task ANodePathThatNeverAnswersTimesOutAtStart()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("hq-node-");
        try
        {
            var silent = Path.Combine(folder.FullName, "silent-node");
            await File.WriteAllTextAsync(silent, "#!/bin/sh\nexec sleep 60\n");
            File.SetUnixFileMode(silent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await using var runtime =
                new QsharpRuntime(Options.Create(new QsharpRuntimeOptions { NodePath = silent, StartTimeout = TimeSpan.FromSeconds(1) }));

            var watch = Stopwatch.StartNew();
            var thrown = await Assert.ThrowsAsync<QsharpRuntimeUnavailableException>(() => runtime.StartAsync());

            Assert.Contains("did not announce the Q# runtime within", thrown.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"start took {watch.Elapsed}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AMissingQsharpPackageSaysToRunNpmCi()
    {
        var empty = Directory.CreateTempSubdirectory("hq-runtime-");
        try
        {
            var sourceRuntime = Path.Combine(new QsharpRuntimeOptions().ResolveRuntimeDirectory(), "runtime");
            Directory.CreateDirectory(Path.Combine(empty.FullName, "runtime"));
            foreach (var file in Directory.GetFiles(sourceRuntime))
            {
                File.Copy(file, Path.Combine(empty.FullName, "runtime", Path.GetFileName(file)));
            }

            await using var runtime = new QsharpRuntime(Options.Create(new QsharpRuntimeOptions { RuntimeDirectory = empty.FullName }));
            var thrown = await Assert.ThrowsAsync<QsharpRuntimeUnavailableException>(() => runtime.StartAsync());
            Assert.Contains("npm ci", thrown.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
