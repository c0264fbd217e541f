using GatewayApi.Cli.Output;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Cli.Serving;

/// <summary>
/// Writes the proxy's log as one line per event: the proxy's own events from Information up (information on
/// standard output, <c>gwapi: warning: ...</c> and <c>gwapi: error: ...</c> on standard error); ASP.NET Core from
/// Warning up, Kestrel from Error up (its note that h2c needs prior knowledge is expected), and nothing from the
/// generic host (the command reports a failed start itself, in one line).
/// </summary>
internal sealed class CliLoggerProvider(CliConsole console) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new CliLogger(this, Minimum(categoryName));

    private static LogLevel Minimum(string category) =>
        category.StartsWith("GatewayApi", StringComparison.Ordinal) ? LogLevel.Information
        : category.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal) ? LogLevel.None
        : category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) ? LogLevel.Error
        : LogLevel.Warning;

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var prefix = level switch
        {
            >= LogLevel.Error => "gwapi: error: ",
            LogLevel.Warning => "gwapi: warning: ",
            _ => "gwapi: ",
        };
        var text = exception is null ? message : $"{message} ({exception.GetType().Name}: {exception.Message})";
        var writer = level >= LogLevel.Warning ? console.Error : console.Out;
        lock (_gate)
        {
            writer.WriteLine(prefix + text.ReplaceLineEndings(" "));
            writer.Flush();
        }
    }

    private sealed class CliLogger(CliLoggerProvider provider, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }
}
