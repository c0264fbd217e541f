using GatewayApi.Routing;
using GatewayApi.Yarp;

namespace GatewayApi.Cli.Serving;

/// <summary>
/// The endpoints of a backend for <c>gwapi serve</c>: the <c>--backend</c> map first (a laptop has no cluster DNS),
/// then the EndpointSlices in the directory, then cluster DNS names.
/// </summary>
internal sealed class ServeBackendResolver : IBackendEndpointResolver
{
    private readonly StaticBackendEndpointResolver _static = new();
    private readonly IBackendEndpointResolver _fallback = new EndpointSliceBackendEndpointResolver(new DnsBackendEndpointResolver());

    public ServeBackendResolver(IEnumerable<StaticBackend> backends)
    {
        foreach (var group in backends.GroupBy(b => (b.Namespace, b.Name, b.Port)))
        {
            _static.Add(group.Key.Namespace, group.Key.Name, group.Key.Port, [.. group.Select(b => b.Endpoint)]);
        }
    }

    public IReadOnlyList<BackendEndpoint> Resolve(RoutedBackend backend, GatewayApiProxyState state)
    {
        var found = _static.Resolve(backend, state);
        return found.Count > 0 ? found : _fallback.Resolve(backend, state);
    }
}
