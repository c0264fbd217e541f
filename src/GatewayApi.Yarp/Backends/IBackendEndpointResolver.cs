using GatewayApi.Routing;

namespace GatewayApi.Yarp;

/// <summary>
/// Resolves a backendRef (a Service and port, as chosen by the router) to the network endpoints requests are sent
/// to. Called per request; return the same list instance while nothing changes (round-robin state is kept per list).
/// Register one with <c>services.AddSingleton&lt;IBackendEndpointResolver&gt;(...)</c>; the default reads
/// EndpointSlices from the configuration and falls back to DNS.
/// </summary>
public interface IBackendEndpointResolver
{
    /// <summary>The endpoints of a backend; empty means none are ready (answered 503).</summary>
    /// <param name="backend">The backendRef the router chose (kind, namespace, name, port).</param>
    /// <param name="state">The configuration the request is routed with (its EndpointSlices and Services).</param>
    IReadOnlyList<BackendEndpoint> Resolve(RoutedBackend backend, GatewayApiProxyState state);
}
