using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp.Tests.BadInput;

/// <summary>One log line a host wrote: category, level, event id, rendered message and exception.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category} [{EventId.Id} {EventId.Name}] {Message}{(Exception is null ? "" : " (" + Exception.GetType().Name + ")")}";
}

/// <summary>
/// An <see cref="ILoggerProvider"/> that keeps every log line in memory, so a test can assert the event id and
/// message a bad input produced. Thread-safe: Kestrel and YARP log from many threads.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private readonly SemaphoreSlim _written = new(0);

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Waits (generously) until a line satisfying <paramref name="predicate"/> has been written, and returns it.</summary>
    public async Task<CapturedLog> WaitForAsync(Func<CapturedLog, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = _logs.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new Xunit.Sdk.XunitException($"no log line {what}; the host logged:\n{string.Join('\n', _logs)}");
            }

            await _written.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            provider._logs.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception));
            provider._written.Release();
        }
    }
}
