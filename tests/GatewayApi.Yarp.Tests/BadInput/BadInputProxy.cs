using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp.Tests.BadInput;

/// <summary>
/// A GatewayApi.Yarp host for the bad-input tests: loopback, dynamic ports for listener ports 80 and 443, a static
/// backend resolver, and every log line captured.
/// </summary>
internal sealed class BadInputProxy : IAsyncDisposable
{
    public const string Category = "GatewayApi.Yarp";
    public const string Hostname = "bad.test";
    public const string Namespace = "apps";

    private BadInputProxy(WebApplication app, CapturingLoggerProvider logs)
    {
        App = app;
        Logs = logs;
    }

    public WebApplication App { get; }

    public CapturingLoggerProvider Logs { get; }

    public GatewayApiProxyConfiguration Configuration => App.Services.GetRequiredService<GatewayApiProxyConfiguration>();

    /// <summary>Builds the host, applies <paramref name="manifests"/> (when given) in memory, and starts it.</summary>
    public static async Task<BadInputProxy> StartAsync(string? manifests, StaticBackendEndpointResolver resolver, string? directory = null)
    {
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<IBackendEndpointResolver>(resolver);
        builder.Services.AddGatewayApiProxy(options =>
        {
            options.ListenAddress = IPAddress.Loopback;
            options.PortBindings[80] = 0;
            options.PortBindings[443] = 0;
            options.ManifestDirectory = directory;
            options.DirectoryDebounce = TimeSpan.FromMilliseconds(50);
        });
        var app = builder.Build();
        app.MapGatewayApiProxy();
        var proxy = new BadInputProxy(app, logs);
        if (manifests is not null)
        {
            var change = proxy.Configuration.Apply(manifests, "memory");
            if (!change.Accepted)
            {
                throw new InvalidOperationException($"the starting manifests were rejected: {string.Join("; ", change.Errors)}");
            }
        }

        await app.StartAsync();
        return proxy;
    }

    /// <summary>A client for the HTTP listener on port 80, sending <see cref="Hostname"/> as Host.</summary>
    public HttpClient HttpClient()
    {
        var client = new HttpClient { BaseAddress = App.Services.GetRequiredService<GatewayApiProxyListeners>().GetUri(80), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Host = Hostname;
        return client;
    }

    /// <summary>The captured lines of the proxy's own category with <paramref name="eventId"/>.</summary>
    public IReadOnlyList<CapturedLog> Events(int eventId) => [.. Logs.Logs.Where(l => l.Category == Category && l.EventId.Id == eventId)];

    /// <summary>Waits for a line of the proxy's category with <paramref name="eventId"/> whose message contains <paramref name="text"/>.</summary>
    public Task<CapturedLog> WaitForEventAsync(int eventId, string text) =>
        Logs.WaitForAsync(l => l.Category == Category && l.EventId.Id == eventId && l.Message.Contains(text, StringComparison.Ordinal), $"with event id {eventId} containing '{text}'");

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    /// <summary>GatewayClass, a Gateway with listeners (HTTP on 80 unless <paramref name="listeners"/> says otherwise), and the given Services.</summary>
    public static string Infrastructure(string? listeners = null, params string[] services)
    {
        var yaml = $"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata:
              name: bad
            spec:
              controllerName: {GatewayApiProxyOptions.DefaultControllerName}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: infra
            spec:
              gatewayClassName: bad
              listeners:
            {listeners ?? "  - name: http\n    protocol: HTTP\n    port: 80\n    allowedRoutes:\n      namespaces:\n        from: All\n"}
            """;
        foreach (var service in services)
        {
            yaml += $"""
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: {service}
                  namespace: {Namespace}
                spec:
                  ports:
                  - name: http
                    port: 8080

                """;
        }

        return yaml;
    }

    /// <summary>An HTTPRoute on the Gateway's HTTP listener: PathPrefix <paramref name="path"/> to Service <paramref name="service"/>:8080.</summary>
    public static string Route(string name, string path, string service, string? group = null, string? kind = null) => $"""
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: {name}
          namespace: {Namespace}
        spec:
          parentRefs:
          - name: gw
            namespace: infra
            sectionName: http
          hostnames:
          - {Hostname}
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: {path}
            backendRefs:
            - name: {service}
              port: 8080
        {(group is null ? "" : $"      group: {group}\n")}{(kind is null ? "" : $"      kind: {kind}\n")}
        """;
}
