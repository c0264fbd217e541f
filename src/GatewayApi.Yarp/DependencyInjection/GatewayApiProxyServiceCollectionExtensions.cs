using GatewayApi.Yarp;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Gateway API proxy.</summary>
public static class GatewayApiProxyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Gateway API proxy: the configuration store (<see cref="GatewayApiProxyConfiguration"/>), the
    /// directory watcher when <see cref="GatewayApiProxyOptions.ManifestDirectory"/> is set, Kestrel endpoints for
    /// the listener ports (<see cref="GatewayApiProxyListeners"/>), YARP's forwarder, and the default
    /// <see cref="IBackendEndpointResolver"/> (EndpointSlices, then DNS) unless one is registered.
    /// Then call <c>app.MapGatewayApiProxy()</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    public static IServiceCollection AddGatewayApiProxy(this IServiceCollection services, Action<GatewayApiProxyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GatewayApiProxyOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpForwarder();
        services.TryAddSingleton<GatewayApiProxyConfiguration>();
        services.TryAddSingleton<GatewayApiProxyListeners>();
        services.TryAddSingleton<ProxyHttpClient>();
        services.TryAddSingleton<BackendTlsClients>();
        services.TryAddSingleton<GatewayApiProxyHandler>();
        services.TryAddSingleton<IBackendEndpointResolver>(_ => new EndpointSliceBackendEndpointResolver(new DnsBackendEndpointResolver()));
        services.AddHostedService<KestrelEndpointSetup>();
        services.AddHostedService<UdpProxy>();
        services.AddHostedService<DirectoryManifestWatcher>();
        return services;
    }
}
