using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp.Tests.TestSupport;

/// <summary>
/// The proxy under test, hosted as an application would host it (AddGatewayApiProxy + MapGatewayApiProxy) on
/// loopback with dynamic ports, with a static backend map and a log capture.
/// </summary>
internal sealed class TestProxy : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestProxy(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
    }

    public GatewayApiProxyConfiguration Configuration => _app.Services.GetRequiredService<GatewayApiProxyConfiguration>();

    public GatewayApiProxyListeners Listeners => _app.Services.GetRequiredService<GatewayApiProxyListeners>();

    public CapturingLoggerProvider Logs { get; }

    /// <summary>Starts the proxy after applying <paramref name="manifests"/> (which must be accepted; null applies nothing).</summary>
    public static async Task<TestProxy> StartAsync(string? manifests, IBackendEndpointResolver resolver, Action<GatewayApiProxyOptions>? configure = null, int[]? listenerPorts = null, IExtensionRefFilter? extensionFilter = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(resolver);
        if (extensionFilter is not null)
        {
            builder.Services.AddSingleton(extensionFilter);
        }
        builder.Services.AddGatewayApiProxy(options =>
        {
            options.ListenAddress = IPAddress.Loopback;
            foreach (var port in listenerPorts ?? [80, 443])
            {
                options.PortBindings[port] = 0;
            }

            configure?.Invoke(options);
        });
        var app = builder.Build();
        app.MapGatewayApiProxy();
        var proxy = new TestProxy(app, logs);
        if (manifests is not null)
        {
            var change = proxy.Configuration.Apply(manifests, "test");
            Assert.True(change.Accepted, string.Join("\n", change.Errors));
        }
        await app.StartAsync().ConfigureAwait(false);
        return proxy;
    }

    public Uri Uri(int listenerPort = 80) => Listeners.GetUri(listenerPort);

    /// <summary>A client for a listener port that sends <c>Host: host</c> and never follows redirects.</summary>
    public HttpClient Client(int listenerPort = 80) => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = Uri(listenerPort),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Keeps every log line with its category and event id.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public IReadOnlyList<(string Category, LogLevel Level, EventId EventId, string Message)> WithEventId(int id) =>
        [.. Entries.Where(e => e.EventId.Id == id && e.Category == "GatewayApi.Yarp")];

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((category, logLevel, eventId, formatter(state, exception)));
    }
}
