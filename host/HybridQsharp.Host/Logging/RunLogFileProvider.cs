using Microsoft.Extensions.Logging;

namespace HybridQsharp.Host.Logging;

/// <summary>Writes every log line of a run to the run folder's log file, as the console shows them.</summary>
public sealed class RunLogFileProvider(string path) : ILoggerProvider
{
    private readonly StreamWriter _writer = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    private readonly Lock _gate = new();
    private bool _disposed;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _writer.Dispose();
        }
    }

    /// <summary>The failure that ended the run, with its stack trace: the file keeps what the console's one line leaves out.</summary>
    public void WriteFailure(Exception exception) =>
        Write($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} fail ExperimentRunner: the run failed: {exception}");

    private void Write(string line)
    {
        // The logger factory outlives a run; lines after the run ends go to the console only.
        lock (_gate)
        {
            if (!_disposed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    private sealed class FileLogger(RunLogFileProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var shortCategory = category[(category.LastIndexOf('.') + 1)..];
            provider.Write($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {logLevel.ToString().ToLowerInvariant()[..4]} {shortCategory}: " +
                $"{formatter(state, exception)}");
        }
    }
}
