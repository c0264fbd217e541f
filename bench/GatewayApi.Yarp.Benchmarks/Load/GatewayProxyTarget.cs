using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GatewayApi.Yarp.Benchmarks.Load;

/// <summary>
/// Targets (b) and (c): GatewayApi.Yarp as an application embeds it (<c>AddGatewayApiProxy</c> +
/// <c>MapGatewayApiProxy</c>), configured in memory with <see cref="RouteSet"/>, its Gateway listener port 80 bound
/// to a dynamic loopback port, every Service resolved statically to the echo backend.
/// </summary>
internal sealed class GatewayProxyTarget : ILoadTarget
{
    private const int ListenerPort = 80;

    private readonly WebApplication _app;

    private GatewayProxyTarget(WebApplication app, Uri address, int routes)
    {
        _app = app;
        Address = address;
        Routes = routes;
    }

    public string Name => Routes == 1 ? "(b) GatewayApi.Yarp, 1 route" : $"(c) GatewayApi.Yarp, {Routes:N0} routes";

    public int Routes { get; }

    public Uri Address { get; }

    /// <summary>Starts a proxy holding all <paramref name="routes"/> routes, or (<paramref name="onlyMeasured"/>) only the measured one.</summary>
    public static async Task<GatewayProxyTarget> StartAsync(Uri backend, int routes, bool onlyMeasured)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var resolver = new StaticBackendEndpointResolver();
        foreach (var (ns, name) in RouteSet.Services())
        {
            resolver.Add(ns, name, RouteSet.ServicePort, new BackendEndpoint(backend.Host, backend.Port));
        }

        builder.Services.AddSingleton<IBackendEndpointResolver>(resolver);
        builder.Services.AddGatewayApiProxy(options =>
        {
            options.ListenAddress = IPAddress.Loopback;
            options.PortBindings[ListenerPort] = 0;
        });
        var app = builder.Build();
        app.MapGatewayApiProxy();

        var change = app.Services.GetRequiredService<GatewayApiProxyConfiguration>()
            .Apply(RouteSet.Yaml(routes, ListenerPort, GatewayApiProxyOptions.DefaultControllerName, onlyMeasured), "bench");
        if (!change.Accepted)
        {
            throw new InvalidOperationException($"the route set was rejected: {string.Join("; ", change.Errors.Take(10))}");
        }

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<GatewayApiProxyListeners>().GetUri(ListenerPort);
        return new GatewayProxyTarget(app, address, onlyMeasured ? 1 : routes);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
